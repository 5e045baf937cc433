import FlywheelCore

/// Judging a collected annotation against the truth, for ``PersonaActivity``'s per-persona
/// agreement counts. It lives with the truth: the engine and the report's re-read of a log call
/// it; the system under test cannot.
extension PersonaActivity {
    /// Counts one collected annotation and judges it where the truth allows: a relevance mark
    /// agrees when it matches the graded relevance (relevant ⇔ grade > 0); an A/B choice agrees
    /// when it picks the reply of higher true quality (`quality`: the judge's total), judged only
    /// when the agent chose A or B, the replies `shown` are known and their qualities differ.
    /// `truth` nil: the ticket is not in the corpus, so nothing is judged.
    ///
    /// ```swift
    /// var activity = PersonaActivity()
    /// activity.add(.relevance(mark), seconds: 6, persona: "rushed", truth: truth, shown: nil, quality: { _, _ in 0 })
    /// activity.rows  // [PersonaActivity.Row(persona: "rushed", kind: .relevance, annotations: 1, seconds: 6, judged: 1, agreed: 1)]
    /// ```
    public mutating func add(
        _ annotation: Annotation, seconds: Double, persona: String?, truth: TicketTruth?, shown: (a: Reply, b: Reply)?,
        quality: (Reply, TicketTruth) -> Double
    ) {
        let agreed = truth.flatMap { PersonaActivity.agrees(annotation, truth: $0, shown: shown, quality: quality) }
        count(annotation.kind, seconds: seconds, persona: persona, agreed: agreed)
    }

    /// Whether `annotation` agrees with the truth; nil when it cannot be judged.
    static func agrees(
        _ annotation: Annotation, truth: TicketTruth, shown: (a: Reply, b: Reply)?,
        quality: (Reply, TicketTruth) -> Double
    ) -> Bool? {
        switch annotation {
        case .relevance(let r):
            return r.relevant == ((truth.relevant[r.article] ?? 0) > 0)
        case .preference(let p):
            guard p.choice == .a || p.choice == .b, let shown else { return nil }
            let qa = quality(shown.a, truth), qb = quality(shown.b, truth)
            guard abs(qa - qb) > 1e-9 else { return nil }
            return (p.choice == .a) == (qa > qb)
        case .adoption, .missingKnowledge:
            return nil
        }
    }
}
