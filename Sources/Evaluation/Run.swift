import FlywheelCore

/// A retrieval run: for each ticket, the articles a system returned, with scores (the `run` of TREC
/// and ranx).
///
/// Rankings are kept in trec_eval's order (score descending, ties by article id descending, scores
/// compared in single precision; see `TrecOrder`), whatever order they were given in, and an
/// article listed twice for one ticket is kept once, at its best position. Two lists for the
/// same ticket are merged.
///
/// ```swift
/// let run = Run(heldout.map { retriever.retrieve($0, depth: 75) }, tag: "bm25")
/// let text = run.trecText()     // "t1 Q0 kb-7 1 12.5 bm25\n…"
/// ```
public struct Run: Hashable, Sendable {
    /// The run's name, written in the last column of a TREC run file.
    public var tag: String
    private var lists: [TicketID: RankedList]

    /// A run of `lists`, normalised to trec_eval's order.
    public init(_ lists: [RankedList], tag: String = "flywheel") {
        self.tag = tag
        var merged = [TicketID: [RankedList.Entry]]()
        for list in lists { merged[list.ticket, default: []].append(contentsOf: list.entries) }
        var out = [TicketID: RankedList](minimumCapacity: merged.count)
        for (ticket, entries) in merged {
            out[ticket] = RankedList(ticket: ticket, entries: TrecOrder.normalized(entries))
        }
        self.lists = out
    }

    /// The tickets the run has a ranking for (possibly empty), sorted by id.
    public var tickets: [TicketID] { lists.keys.sorted() }

    /// The number of tickets in the run.
    public var count: Int { lists.count }

    /// The ranking for `ticket` in trec_eval's order, or nil when the run has none.
    public func ranking(for ticket: TicketID) -> RankedList? { lists[ticket] }

    /// Every ranking, sorted by ticket id.
    public var rankings: [RankedList] { tickets.map { lists[$0]! } }
}
