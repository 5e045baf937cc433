/// The protocols the engine drives (DESIGN §6). They live here so a user can plug in their own
/// retriever, reranker or generator — one that calls a real model endpoint, say — without the
/// engine knowing the concrete types. None of them ever receives a ``TicketTruth``.

/// First stage: finds candidate articles in the published knowledge base.
public protocol Retriever: Sendable {
    /// The best `depth` published articles for `ticket`, best first.
    func retrieve(_ ticket: Ticket, depth: Int) -> RankedList
    /// ``retrieve(_:depth:)``, with the per-candidate work a second stage would repeat
    /// attached to the list when `attachingParts` (the engine asks for it when the reranker
    /// ``Reranker/readsFirstStageParts``). The entries are the same either way. The default
    /// attaches nothing.
    func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) -> RankedList
}

extension Retriever {
    public func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) -> RankedList {
        retrieve(ticket, depth: depth)
    }
}

/// Second stage: reorders the first stage's candidates.
public protocol Reranker: Sendable {
    /// `candidates` reordered, cut to `depth`.
    func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) -> RankedList
    /// Whether ``rerank(_:candidates:depth:)`` would use parts its first stage attached to the
    /// candidates (``RankedList/attachment``); it must give the same list without them. The
    /// default is false.
    var readsFirstStageParts: Bool { get }
}

extension Reranker {
    public var readsFirstStageParts: Bool { false }
}

/// Composes suggested replies from the reranked articles.
public protocol ReplyGenerator: Sendable {
    /// Suggestion A (current policy) and B (challenger) for `ticket` given `articles` in
    /// reranked order. `rng` is the ticket's own stream, for exploration.
    func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> (a: Reply, b: Reply)
    /// Whether ``suggest(for:articles:rng:)`` calls an outside service with state of its own
    /// (a budget, a failure latch, a recording), whose outcome would depend on the order of
    /// calls: the engine then calls it from one thread, in ticket order. Default false.
    var callsOutsideService: Bool { get }
}

extension ReplyGenerator {
    public var callsOutsideService: Bool { false }
}
