/// What each persona's agents did in one window of one job (one iteration of an arm × replicate):
/// per kind of collected feedback, how many annotations, the agent-seconds they took and how many
/// of the judgeable ones agreed with the truth. The engine counts it as feedback is absorbed and
/// the results store keeps it (`persona_activity`); the report's per-persona panels sum it. A
/// re-read of a stored annotation log counts the same with the same rule (``add(_:seconds:persona:truth:shown:quality:)``).
/// Report data only: the models never see it.
///
/// ```swift
/// var activity = PersonaActivity()
/// activity.add(.relevance(mark), seconds: 6, persona: "rushed", truth: truth, shown: nil, quality: { _, _ in 0 })
/// activity.rows  // [PersonaActivity.Row(persona: "rushed", kind: .relevance, annotations: 1, seconds: 6, judged: 1, agreed: 1)]
/// ```
public struct PersonaActivity: Sendable, Hashable {
    /// One persona's annotations of one kind.
    public struct Row: Sendable, Hashable {
        public var persona: String
        public var kind: SignalKind
        public var annotations: Int
        public var seconds: Double
        /// Annotations that could be judged against the truth, and those that agreed with it.
        public var judged: Int
        public var agreed: Int
        public init(persona: String, kind: SignalKind, annotations: Int = 0, seconds: Double = 0, judged: Int = 0, agreed: Int = 0) {
            self.persona = persona
            self.kind = kind
            self.annotations = annotations
            self.seconds = seconds
            self.judged = judged
            self.agreed = agreed
        }
    }

    /// A row of one window of one job (a `persona_activity` row of the results store).
    public struct WindowRow: Sendable, Hashable {
        public var job: JobKey
        public var iteration: Int
        public var row: Row
        public init(job: JobKey, iteration: Int, row: Row) {
            self.job = job
            self.iteration = iteration
            self.row = row
        }
    }

    /// The persona a logged annotation without one is counted under (an imported production log).
    public static let unknownPersona = "(unknown)"

    private var byKey: [Key: Row] = [:]
    private struct Key: Hashable {
        var persona: String
        var kind: SignalKind
    }

    public init() {}

    public var isEmpty: Bool { byKey.isEmpty }

    /// Every (persona, kind) row, by persona then kind (``SignalKind`` order).
    public var rows: [Row] {
        let order = Dictionary(uniqueKeysWithValues: SignalKind.allCases.enumerated().map { ($0.element, $0.offset) })
        return byKey.values.sorted { ($0.persona, order[$0.kind]!) < ($1.persona, order[$1.kind]!) }
    }

    /// Counts one collected annotation and judges it where the truth allows: a relevance mark
    /// agrees when it matches the graded relevance (relevant ⇔ grade > 0); an A/B choice agrees
    /// when it picks the reply of higher true quality (`quality`: the judge's total), judged only
    /// when the agent chose A or B, the replies `shown` are known and their qualities differ.
    /// `truth` nil: the ticket is not in the corpus, so nothing is judged.
    public mutating func add(
        _ annotation: Annotation, seconds: Double, persona: String?, truth: TicketTruth?, shown: (a: Reply, b: Reply)?,
        quality: (Reply, TicketTruth) -> Double
    ) {
        let key = Key(persona: persona ?? PersonaActivity.unknownPersona, kind: annotation.kind)
        var row = byKey[key] ?? Row(persona: key.persona, kind: key.kind)
        row.annotations += 1
        row.seconds += seconds
        if let truth, let agrees = PersonaActivity.agrees(annotation, truth: truth, shown: shown, quality: quality) {
            row.judged += 1
            if agrees { row.agreed += 1 }
        }
        byKey[key] = row
    }

    /// Whether `annotation` agrees with the truth; nil when it cannot be judged.
    static func agrees(
        _ annotation: Annotation, truth: TicketTruth, shown: (a: Reply, b: Reply)?, quality: (Reply, TicketTruth) -> Double
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
