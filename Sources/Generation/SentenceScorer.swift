import FlywheelCore

/// The linear model that scores a (ticket, sentence) pair for selection: `w · SentenceFeatures`.
///
/// The defaults make the untrained generator a sensible extractive baseline: sentences sharing
/// many of the ticket's words, from the top-ranked articles, early in their article, stating a
/// slot value, and with a good adoption record.
public struct SentenceScorer: Hashable, Sendable, Codable {
    /// One weight per ``SentenceFeatures/names`` entry.
    public var weights: [Double]
    /// overlap 2, density 1, inverse rank 1, lead 0.3, slot value 0.3, length 0, prior 1.
    public static let defaultWeights: [Double] = [2, 1, 1, 0.3, 0.3, 0, 1]

    public init(weights: [Double] = SentenceScorer.defaultWeights) {
        precondition(weights.count == SentenceFeatures.count)
        self.weights = weights
    }

    func score(_ c: SentenceCandidate, ticketTokens: Int) -> Double {
        SentenceFeatures.score(c, ticketTokens: ticketTokens, weights: weights)
    }
}
