import FlywheelCore

/// A learned prior for each article sentence, keyed by article id and position, from adoption
/// feedback: sentences of adopted replies count for it, sentences of replies rejected as wrong
/// count against it.
///
/// The value is `(positive − negative) / (positive + negative + smoothing)`, in (−1, 1): zero for
/// a sentence never seen, approaching ±1 as consistent evidence accumulates (a Laplace-style
/// shrinkage towards "no opinion").
///
/// ```swift
/// var prior = SentencePrior()
/// prior.record(article: "a1", position: 0, weight: 1)   // adopted
/// prior.value(article: "a1", position: 0)              // 1 / (1 + 2) ≈ 0.33
/// ```
public struct SentencePrior: Hashable, Sendable, Codable {
    /// Accumulated evidence for one sentence.
    public struct Tally: Hashable, Sendable, Codable {
        public var positive: Double = 0
        public var negative: Double = 0
        public init(positive: Double = 0, negative: Double = 0) {
            self.positive = positive
            self.negative = negative
        }
    }

    /// Evidence by `"<article id>#<position>"`.
    public private(set) var tallies: [String: Tally]
    /// Pseudo-count that shrinks the value towards zero.
    public var smoothing: Double

    public init(tallies: [String: Tally] = [:], smoothing: Double = 2) {
        self.tallies = tallies
        self.smoothing = smoothing
    }

    static func key(_ article: ArticleID, _ position: Int) -> String { "\(article.rawValue)#\(position)" }

    /// The prior of one sentence, in (−1, 1).
    public func value(article: ArticleID, position: Int) -> Double {
        guard let t = tallies[Self.key(article, position)] else { return 0 }
        return (t.positive - t.negative) / (t.positive + t.negative + smoothing)
    }

    /// Adds evidence: positive `weight` for the sentence, negative against it.
    public mutating func record(article: ArticleID, position: Int, weight: Double) {
        guard weight != 0 else { return }
        var t = tallies[Self.key(article, position)] ?? Tally()
        if weight > 0 { t.positive += weight } else { t.negative -= weight }
        tallies[Self.key(article, position)] = t
    }
}
