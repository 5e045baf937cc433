import FlywheelCore
import World
import WorldTruth

/// Rationale confusion: on edited and rejected replies the agent names the true failure of A
/// (the judge's failure, `other` when none) with probability `accuracy`, else a category drawn
/// uniformly from the true one's confusion neighbourhood (`neighbours`) or from all seven
/// (`uniform`). Both models have closed-form maxima: with `c` correct of `n`, `accuracy = c/n`
/// under `neighbours` (a category outside the neighbourhood has probability 0) and
/// `(7c/n − 1)/6` clamped to [0, 1] under `uniform`; the fit keeps the likelier model.
struct RationaleFit: Sendable, Hashable {
    var accuracy = 0.5
    var confusion: RationaleBehaviour.Confusion = .neighbours

    static let parameterCount = 2

    static func observations(_ tickets: [WorkedTicket]) -> [(truth: RationaleCategory, said: RationaleCategory)] {
        tickets.compactMap { t in
            guard let said = t.adoption?.rationale, let truth = t.failureA else { return nil }
            return (truth, said)
        }
    }

    static func fit(_ tickets: [WorkedTicket]) -> RationaleFit {
        let data = observations(tickets)
        guard !data.isEmpty else { return RationaleFit() }
        let correct = data.filter { $0.truth == $0.said }.count
        let share = Double(correct) / Double(data.count)
        let neighbours = RationaleFit(accuracy: share, confusion: .neighbours)
        let uniform = RationaleFit(accuracy: min(1, max(0, (7 * share - 1) / 6)), confusion: .uniform)
        return neighbours.logLikelihood(tickets) >= uniform.logLikelihood(tickets) ? neighbours : uniform
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        Self.observations(tickets).reduce(0) { sum, o in
            let pool = confusion == .uniform ? RationaleCategory.allCases : o.truth.confusable
            let confused = pool.contains(o.said) ? (1 - accuracy) / Double(pool.count) : 0
            return sum + Logistic.safeLog((o.said == o.truth ? accuracy : 0) + confused)
        }
    }
}
