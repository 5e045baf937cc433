import FlywheelCore
import WorldTruth

/// Relevance judgments: for each ticket, the graded relevance of the articles judged for it
/// (the `qrels` of TREC and ranx).
///
/// A grade of 1 or more is relevant; 0 (or less) is judged not relevant; an article absent from a
/// ticket's judgments is unjudged, which every metric here counts as not relevant, like trec_eval.
///
/// ```swift
/// let qrels = Qrels(truths: heldout.map(\.truth))
/// let qrels2 = try Qrels(trecText: "t1 0 kb-7 2\nt1 0 kb-9 0\n")
/// qrels2.judgments(for: "t1")   // ["kb-7": 2, "kb-9": 0]
/// ```
public struct Qrels: Hashable, Sendable {
    /// Ticket id → (article id → grade).
    public private(set) var judgments: [TicketID: [ArticleID: Int]]

    public init(_ judgments: [TicketID: [ArticleID: Int]] = [:]) {
        self.judgments = judgments
    }

    /// The judgments the world's truth holds: every article in `relevant`, with its grade.
    ///
    /// Tickets without any judged article are kept (with no judgments) so they stay visible to
    /// ``QuerySelection/trecEval``; the default selection skips them. When two truths name the same
    /// ticket their judgments are merged, the later grade winning.
    public init(truths: [TicketTruth]) {
        judgments = [:]
        for truth in truths { merge(truth) }
    }

    /// Adds the judgments `truth` holds (a ticket already judged keeps its other articles; the
    /// later grade wins), as ``init(truths:)`` does for each truth.
    public mutating func merge(_ truth: TicketTruth) {
        judgments[truth.ticket, default: [:]].merge(truth.relevant) { _, new in new }
    }

    /// The judged tickets, sorted by id.
    public var tickets: [TicketID] { judgments.keys.sorted() }

    /// The judgments for `ticket` (empty when it has none).
    public func judgments(for ticket: TicketID) -> [ArticleID: Int] { judgments[ticket] ?? [:] }

    /// The grade of `article` for `ticket`, or nil when unjudged.
    public func grade(of article: ArticleID, for ticket: TicketID) -> Int? { judgments[ticket]?[article] }

    /// How many articles are relevant to `ticket` (grade ≥ `relevanceLevel`).
    public func relevantCount(for ticket: TicketID, relevanceLevel: Int = 1) -> Int {
        judgments[ticket]?.values.reduce(0) { $0 + ($1 >= relevanceLevel ? 1 : 0) } ?? 0
    }

    /// Sets the grade of `article` for `ticket`.
    public mutating func set(_ grade: Int, article: ArticleID, ticket: TicketID) {
        judgments[ticket, default: [:]][article] = grade
    }
}
