import FlywheelCore

extension Persona {
    /// The built-in evaluation panel: the judge of the offline `adoption` metric on held-out
    /// tickets. It only adopts or rejects (no other signal), never tires and never changes its
    /// trust, so its adoption rate is a fixed function of reply quality —
    /// `σ(12·(q − 0.65))` — identical across arms, populations and scenarios.
    public static let evaluationPanel = Persona(
        name: "panel", version: 1,
        description: "Built-in evaluation panel: adoption as a fixed logistic of reply quality.",
        participation: Participation(preference: 0, adoption: 1, relevance: 0, missingKnowledge: 0),
        fatigue: Fatigue(perHour: 0),
        preference: PreferenceBehaviour(noise: 0.1),
        adoption: AdoptionBehaviour(threshold: 0.65, slope: 12, editShare: 0.4, trust: .init(initial: 0.5, rate: 0)),
        rationale: RationaleBehaviour(accuracy: 1),
        relevance: RelevanceBehaviour(checks: 0, sensitivity: 1, specificity: 1),
        missingKnowledge: MissingKnowledgeBehaviour(detection: 0, falseFlag: 0))
}
