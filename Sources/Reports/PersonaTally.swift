import FlywheelCore

/// What one persona's agents did in one arm, summed over a run's annotation logs: how many
/// annotations of each kind the arm collected, the agent time they took, and how often they
/// agreed with the truth (the report's per-persona panels). Computed in the report layer from the stored logs and the
/// corpus' truth; the models never see it.
public struct PersonaTally: Sendable, Hashable {
    /// How many judgeable annotations agreed with the truth.
    public struct Agreement: Sendable, Hashable {
        public var judged = 0
        public var correct = 0
        /// correct / judged; nil when nothing could be judged.
        public var rate: Double? { judged == 0 ? nil : Double(correct) / Double(judged) }
        public init(judged: Int = 0, correct: Int = 0) {
            self.judged = judged
            self.correct = correct
        }
        mutating func add(_ agrees: Bool) {
            judged += 1
            if agrees { correct += 1 }
        }
    }

    /// The name a log line without a persona is tallied under (an imported production log).
    public static let unknown = "(unknown)"

    public var arm: String
    public var persona: String
    /// Replicates whose logs were read (the panels show per-replicate means).
    public var replicates: Int
    public var counts: [SignalKind: Int] = [:]
    /// Agent-seconds over every annotation (the log's `seconds`).
    public var seconds = 0.0
    /// Relevance marks against the truth's graded relevance (relevant ⇔ grade > 0).
    public var relevance = Agreement()
    /// A/B choices against the judge's true quality of the two replies (ties, both-bad and
    /// pairs of equal quality are not judged).
    public var preference = Agreement()

    public init(arm: String, persona: String, replicates: Int) {
        self.arm = arm
        self.persona = persona
        self.replicates = replicates
    }

    public var annotations: Int { counts.values.reduce(0, +) }
    /// Mean agent minutes per replicate.
    public var minutesPerReplicate: Double { seconds / 60 / Double(max(1, replicates)) }
    /// Mean annotations per replicate.
    public var annotationsPerReplicate: Double { Double(annotations) / Double(max(1, replicates)) }
}

/// Builds ``PersonaTally`` rows from annotation-log entries, one job at a time.
///
/// ```swift
/// var tallies = PersonaTallies(truth: { truthByTicket[$0] }, quality: { judge.quality(of: $0, for: $1).total },
///                              collects: { arm, kind in scenario.arms[arm]?.collects(kind) ?? true })
/// for entry in entries { tallies.add(entry, arm: "aitl", replicate: 0) }
/// let rows = tallies.rows
/// ```
public struct PersonaTallies {
    /// The truth of a ticket (nil: not in the corpus; its annotations are counted, not judged).
    let truth: (TicketID) -> TicketTruth?
    /// The true quality of a reply for a ticket (the judge's total).
    let quality: (Reply, TicketTruth) -> Double
    /// Whether an arm collects a kind of agent feedback: the log keeps everything the agents
    /// gave, but only what the arm collects costs agent time (an arm that does not retrain, or
    /// learns from vendor labels, collects none and gets no row).
    let collects: (String, SignalKind) -> Bool
    private var byKey: [Key: PersonaTally] = [:]
    private var replicates: [String: Set<Int>] = [:]
    /// The last exposure of each ticket in the job being read (a preference is judged against it).
    private var exposures: [TicketID: Exposure] = [:]
    private var job: JobKey?

    private struct Key: Hashable {
        var arm: String
        var persona: String
    }

    public init(
        truth: @escaping (TicketID) -> TicketTruth?, quality: @escaping (Reply, TicketTruth) -> Double,
        collects: @escaping (String, SignalKind) -> Bool = { _, _ in true }
    ) {
        self.truth = truth
        self.quality = quality
        self.collects = collects
    }

    /// Adds one entry of `arm`'s replicate `replicate` (entries of one job in log order).
    public mutating func add(_ entry: AnnotationLogEntry, arm: String, replicate: Int) {
        let job = JobKey(arm: arm, replicate: replicate)
        if job != self.job {
            self.job = job
            exposures = [:]
        }
        replicates[arm, default: []].insert(replicate)
        switch entry {
        case .exposure(let e):
            exposures[e.ticket] = e
        case .annotation(let logged):
            guard collects(arm, logged.annotation.kind) else { return }
            let key = Key(arm: arm, persona: logged.persona ?? PersonaTally.unknown)
            var tally = byKey[key] ?? PersonaTally(arm: arm, persona: key.persona, replicates: 0)
            tally.counts[logged.annotation.kind, default: 0] += 1
            tally.seconds += logged.seconds ?? 0
            if let truth = truth(logged.annotation.ticket) {
                judge(logged.annotation, truth: truth, into: &tally)
            }
            byKey[key] = tally
        }
    }

    private func judge(_ annotation: Annotation, truth: TicketTruth, into tally: inout PersonaTally) {
        switch annotation {
        case .relevance(let r):
            tally.relevance.add(r.relevant == ((truth.relevant[r.article] ?? 0) > 0))
        case .preference(let p):
            guard p.choice == .a || p.choice == .b, let shown = exposures[p.ticket], let a = shown.a, let b = shown.b else { return }
            let qa = quality(a, truth), qb = quality(b, truth)
            guard abs(qa - qb) > 1e-9 else { return }
            tally.preference.add((p.choice == .a) == (qa > qb))
        case .adoption, .missingKnowledge:
            return
        }
    }

    /// Every (arm, persona) row, by arm then persona.
    public var rows: [PersonaTally] {
        byKey.values.map { t in
            var t = t
            t.replicates = replicates[t.arm]?.count ?? 1
            return t
        }.sorted { ($0.arm, $0.persona) < ($1.arm, $1.persona) }
    }
}
