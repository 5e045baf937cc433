import FlywheelCore

/// The hidden truth about one ticket: what answers it and what a good reply must say.
///
/// Read by the world (simulated agents, judge), evaluation and the engine; the system-under-test
/// targets (Retrieval, Generation, ProcessStages) cannot import this module (``Ticket``).
public struct TicketTruth: Hashable, Sendable, Codable {
    public var ticket: TicketID
    /// Relevant articles with graded relevance (1 = partially, 2 = answers it, 3 = essential).
    public var relevant: [ArticleID: Int]
    /// Facts a good reply must contain.
    public var nuggets: [Nugget]
    /// The historical reply a human agent sent, where the corpus has one.
    public var referenceResponse: String?
    /// Articles whose facts contradict a needed fact (near-duplicate policies that differ in one
    /// value): a reply citing them is wrong, not merely unfocused.
    public var conflicting: [ArticleID]

    public init(
        ticket: TicketID, relevant: [ArticleID: Int], nuggets: [Nugget] = [],
        referenceResponse: String? = nil, conflicting: [ArticleID] = []
    ) {
        self.ticket = ticket
        self.relevant = relevant
        self.nuggets = nuggets
        self.referenceResponse = referenceResponse
        self.conflicting = conflicting
    }

    /// The ids of the articles judged relevant (grade > 0), sorted.
    public var relevantArticles: [ArticleID] { relevant.filter { $0.value > 0 }.keys.sorted() }
}

/// One fact a good reply must contain, and the article that states it.
public struct Nugget: Hashable, Sendable, Codable {
    public var text: String
    public var article: ArticleID?
    public init(text: String, article: ArticleID? = nil) {
        self.text = text
        self.article = article
    }
}

/// A ticket together with its truth, as a corpus file stores them on one line.
public struct TicketRecord: Hashable, Sendable {
    public var ticket: Ticket
    public var truth: TicketTruth
    public init(ticket: Ticket, truth: TicketTruth) {
        self.ticket = ticket
        self.truth = truth
    }
}
