import FlywheelCore

/// One ticket's ranking with the judgments looked up: everything a ``RankingMetric`` needs.
///
/// ```swift
/// let judged = JudgedRanking(ranking: ["a", "b", "c"], judgments: ["c": 2, "b": 0])
/// judged.grades          // [0, 0, 2]  (a is unjudged, counted as not relevant)
/// judged.relevantCount   // 1
/// ```
public struct JudgedRanking: Hashable, Sendable {
    /// The grade of each retrieved article, in ranking order; 0 for an unjudged article.
    public var grades: [Int]
    /// How many judged articles (retrieved or not) are relevant: grade ≥ ``relevanceLevel``.
    public var relevantCount: Int
    /// The positive grades of all judged articles, highest first: the ideal ranking's gains.
    public var idealGrades: [Int]
    /// The lowest grade that counts as relevant (trec_eval's `-l`, default 1).
    public var relevanceLevel: Int

    /// Judges `ranking` (already in trec_eval order, each article once) against `judgments`.
    public init(ranking: [ArticleID], judgments: [ArticleID: Int], relevanceLevel: Int = 1) {
        if judgments.count <= 8 {
            // a handful of judged articles: comparing ids beats hashing each ranked one
            let judged = Array(judgments)
            self.grades = ranking.map { id in judged.first { $0.key == id }?.value ?? 0 }
        } else {
            self.grades = ranking.map { judgments[$0] ?? 0 }
        }
        self.relevantCount = judgments.values.reduce(0) { $0 + ($1 >= relevanceLevel ? 1 : 0) }
        self.idealGrades = judgments.values.filter { $0 > 0 }.sorted(by: >)
        self.relevanceLevel = relevanceLevel
    }

    /// Whether the article at 0-based `position` is relevant.
    @inline(__always)
    public func isRelevant(at position: Int) -> Bool { grades[position] >= relevanceLevel }

    /// How many of the first `k` retrieved articles are relevant.
    public func relevantRetrieved(within k: Int) -> Int {
        var n = 0
        for i in 0..<min(k, grades.count) where grades[i] >= relevanceLevel { n += 1 }
        return n
    }
}

/// A per-ticket ranking metric with trec_eval's semantics.
///
/// Implementations are pure functions of a ``JudgedRanking``; one file per metric.
public protocol RankingMetric: Sendable {
    /// The metric's canonical name, e.g. `recall@75`.
    var name: MetricName { get }
    /// The metric's value for one ticket, in [0, 1].
    func value(_ judged: JudgedRanking) -> Double
}
