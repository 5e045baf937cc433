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
        LogisticFit.dot(weights, SentenceFeatures.vector(c, ticketTokens: ticketTokens))
    }

    /// Refitted as a weighted logistic classifier of good (target 1) against bad (target 0)
    /// sentences, with an unscored intercept and an L2 pull of strength `l2` towards the
    /// current weights. Needs both classes; otherwise returns `self` unchanged (positives alone
    /// would only inflate every weight with a positive feature).
    func trained(rows: [(features: [Double], good: Bool, weight: Double)], l2: Double) -> SentenceScorer {
        guard rows.contains(where: \.good), rows.contains(where: { !$0.good }) else { return self }
        let beta = LogisticFit.fit(
            rows: rows.map { [1] + $0.features }, targets: rows.map { $0.good ? 1 : 0 },
            weights: rows.map(\.weight), center: [0] + weights,
            l2: [1e-3] + [Double](repeating: l2, count: weights.count))
        return SentenceScorer(weights: Array(beta.dropFirst()))
    }
}
