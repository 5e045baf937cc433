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

    public init(ticket: TicketID, entries: [Entry]) {
        self.ticket = ticket
        self.entries = entries
    }

    public var articles: [ArticleID] { entries.map(\.article) }
    public var count: Int { entries.count }

    /// The first `k` entries.
    public func prefix(_ k: Int) -> RankedList {
        RankedList(ticket: ticket, entries: Array(entries.prefix(k)))
    }
}
