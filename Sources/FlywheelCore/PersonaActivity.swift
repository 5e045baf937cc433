/// What each persona's agents did in one window of one job (one iteration of an arm × replicate):
/// per kind of collected feedback, how many annotations, the agent-seconds they took and how many
/// of the judgeable ones agreed with the truth. The engine counts it as feedback is absorbed and
/// the results store keeps it (`persona_activity`); the report's per-persona panels sum it. A
/// re-read of a stored annotation log counts the same with the same rule (`add(_:seconds:persona:truth:shown:quality:)`,
/// in the `WorldTruth` module, which judges against the truth). Report data only: the models never see it.
///
/// ```swift
/// var activity = PersonaActivity()
/// activity.count(.relevance, seconds: 6, persona: "rushed", agreed: true)
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
        public init(
            persona: String, kind: SignalKind, annotations: Int = 0, seconds: Double = 0, judged: Int = 0,
            agreed: Int = 0
        ) {
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

    /// Counts one collected annotation of `kind`; `agreed` says whether it agreed with the truth
    /// (nil: it could not be judged). The judging rule lives with the truth, in the `WorldTruth`
    /// module (`add(_:seconds:persona:truth:shown:quality:)`).
    public mutating func count(_ kind: SignalKind, seconds: Double, persona: String?, agreed: Bool?) {
        let key = Key(persona: persona ?? PersonaActivity.unknownPersona, kind: kind)
        var row = byKey[key] ?? Row(persona: key.persona, kind: key.kind)
        row.annotations += 1
        row.seconds += seconds
        if let agreed {
            row.judged += 1
            if agreed { row.agreed += 1 }
        }
        byKey[key] = row
    }
}
