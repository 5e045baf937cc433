/// The articles a retrieval stage returned for one ticket, best first.
public struct RankedList: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var article: ArticleID
        public var score: Double
        public init(article: ArticleID, score: Double) {
            self.article = article
            self.score = score
        }
    }

    public var ticket: TicketID
    public var entries: [Entry]
    /// What the stage that made the list computed anyway and a later stage may reuse (e.g. a
    /// first stage's per-candidate score parts, see ``Retriever/retrieve(_:depth:attachingParts:)``).
    /// Not part of the list's value: equality and hashing ignore it, and ``prefix(_:)`` keeps it
    /// (it describes entries by position, and a prefix keeps their positions).
    public var attachment: (any RankedListAttachment)?

    public init(ticket: TicketID, entries: [Entry], attachment: (any RankedListAttachment)? = nil) {
        self.ticket = ticket
        self.entries = entries
        self.attachment = attachment
    }

    public var articles: [ArticleID] { entries.map(\.article) }
    public var count: Int { entries.count }

    /// The first `k` entries.
    public func prefix(_ k: Int) -> RankedList {
        RankedList(ticket: ticket, entries: Array(entries.prefix(k)), attachment: attachment)
    }

    public static func == (lhs: RankedList, rhs: RankedList) -> Bool {
        lhs.ticket == rhs.ticket && lhs.entries == rhs.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ticket)
        hasher.combine(entries)
    }
}

/// Data attached to a ``RankedList`` by the stage that made it (a reference: attaching it to
/// copies of the list copies nothing). Whoever reads it checks that it comes from the state it
/// expects.
public protocol RankedListAttachment: AnyObject, Sendable {}
