import FlywheelCore

extension SimulatedAgent {
    /// The probability of adopting suggestion A of true quality `quality` at trust `trust`:
    /// `σ(slope·(q − threshold) + logit(trust) − logit(initial))`; a step at the threshold when
    /// the slope is infinite. See ``AdoptionBehaviour``.
    public func adoptionProbability(quality: Double, trust: Double) -> Double {
        let a = persona.adoption
        if a.slope.isInfinite { return quality >= a.threshold ? 1 : 0 }
        let t = Probability.clamp(trust, 0.01, 0.99)
        let t0 = Probability.clamp(a.trust.initial, 0.01, 0.99)
        return Probability.sigmoid(a.slope * (quality - a.threshold) + Probability.logit(t) - Probability.logit(t0))
    }

    /// Used, edited or rejected.
    func adopt(quality: Double, trust: Double, rng: inout RandomStream) -> AdoptionOutcome {
        var adoptDraw = rng.derived("adopt")
        var editDraw = rng.derived("edit")
        guard adoptDraw.bernoulli(adoptionProbability(quality: quality, trust: trust)) else { return .rejected }
        return editDraw.bernoulli(persona.adoption.editShare) ? .edited : .used
    }

    /// The category the agent gives: the true failure with probability accuracy × fatigue,
    /// else a confusable one (see ``RationaleBehaviour``).
    func rationale(trueFailure: RationaleCategory, fatigue f: Double, rng: inout RandomStream) -> RationaleCategory {
        let r = persona.rationale
        var correctDraw = rng.derived("correct")
        var confuseDraw = rng.derived("confuse")
        if correctDraw.bernoulli(r.accuracy * f) { return trueFailure }
        let pool = (r.confusion ?? .neighbours) == .uniform ? RationaleCategory.allCases : trueFailure.confusable
        return pool[confuseDraw.int(below: pool.count)]
    }
}
