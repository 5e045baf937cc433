import FlywheelCore

/// How far a retraining moves the weights, decided on the agents' own marks (never the truth):
/// cross-validation by ticket. With few marked tickets a linear model fitted to pairs among the
/// shown articles can extrapolate badly to the rest of the first stage (measured on the bank's
/// 65 training tickets: the mean reciprocal rank of the gold article fell from 0.82 to 0.33);
/// the validation then keeps the weights where they were, or moves them part of the way.
extension PairwiseReranker {
    /// One validation ticket: the features of its first-stage candidates (in first-stage order)
    /// and the positions of those its agents marked relevant (net of "not relevant" marks).
    struct ValidationTicket {
        var fold: Int
        var candidates: [[Double]]
        var relevant: Set<Int>
    }

    /// The step toward the new weights, among ``RerankerConfiguration/validationSteps``: for
    /// each fold, SGD from `start` on the other folds' pairs; then for each step s, the weights
    /// start + s·(fold model − start) rank the fold's tickets' first-stage candidates, scored by
    /// the reciprocal rank of the first marked-relevant one (unmarked candidates count as not
    /// relevant, which favours the first stage's order). The step with the highest total wins;
    /// a tie goes to the smaller step. 1 without validation (folds ≤ 1, or fewer validation
    /// tickets than folds, or a fold without pairs to train on).
    func validationStep(
        from start: [Double], pairs: [Pair], validation: [ValidationTicket], scale: [Double], learn: [Bool]
    ) -> Double {
        let c = configuration
        let folds = c.validationFolds
        guard folds > 1, validation.count >= folds else { return 1 }
        let steps = RerankerConfiguration.validationSteps
        var totals = [Double](repeating: 0, count: steps.count)
        for fold in 0..<folds {
            let heldOut = validation.filter { $0.fold == fold }
            guard !heldOut.isEmpty else { continue }
            let training = pairs.filter { $0.fold != fold }
            guard !training.isEmpty else { return 1 }
            let model = Self.descend(
                from: start, on: training[...], scale: scale, learn: learn, configuration: c,
                stream: [UInt64(generation), UInt64(1 + fold)])
            for (k, step) in steps.enumerated() {
                let w = start.indices.map { (start[$0] + step * (model[$0] - start[$0])) * scale[$0] }
                for ticket in heldOut { totals[k] += reciprocalRank(ticket, weights: w) }
            }
        }
        var best = 0
        for k in steps.indices where totals[k] > totals[best] { best = k }
        return steps[best]
    }

    /// 1 / the rank of the first relevant candidate of `ticket` when its candidates are sorted
    /// by prior + `weights` · features (ties in first-stage order), as ``rerank(_:candidates:depth:)``
    /// does; `weights` already multiplied by the scales.
    func reciprocalRank(_ ticket: ValidationTicket, weights: [Double]) -> Double {
        var scores: [(score: Double, position: Int)] = []
        scores.reserveCapacity(ticket.candidates.count)
        for (i, x) in ticket.candidates.enumerated() {
            var s = -configuration.rankPrior * RankLogarithm.of(i + 1)
            for j in x.indices { s += weights[j] * x[j] }
            scores.append((s, i))
        }
        scores.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        guard let first = scores.firstIndex(where: { ticket.relevant.contains($0.position) }) else { return 0 }
        return 1 / Double(first + 1)
    }
}
