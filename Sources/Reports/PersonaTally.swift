import FlywheelCore

/// What one persona's agents did in one arm, summed over a run's annotation logs: how many
/// annotations of each kind the arm collected, the agent time they took, and how often they
/// agreed with the truth (the report's per-persona panels): the sum of the run's stored
/// ``PersonaActivity`` rows (``combine(_:replicates:)``), or of a re-read of its logs
/// (``PersonaTallies``) for a store written before they were stored. The models never see it.
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
    }

    /// The name a log line without a persona is tallied under (an imported production log).
    public static let unknown = PersonaActivity.unknownPersona

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

extension PersonaTally {
    /// Sums window rows into one tally per (arm, persona), by arm then persona; `replicates`:
    /// how many replicates of each arm logged feedback (the panels' per-replicate means). The
    /// rows are summed in (arm, replicate, iteration, persona, kind) order whatever order they
    /// come in, so stored rows and a re-read of the logs give the same bits.
    public static func combine(_ windows: [PersonaActivity.WindowRow], replicates: [String: Int]) -> [PersonaTally] {
        let order = Dictionary(uniqueKeysWithValues: SignalKind.allCases.enumerated().map { ($0.element, $0.offset) })
        let sorted = windows.sorted {
            ($0.job.arm, $0.job.replicate, $0.iteration, $0.row.persona, order[$0.row.kind]!)
                < ($1.job.arm, $1.job.replicate, $1.iteration, $1.row.persona, order[$1.row.kind]!)
        }
        var byKey: [[String]: PersonaTally] = [:]
        for window in sorted {
            let (arm, row) = (window.job.arm, window.row)
            var tally =
                byKey[[arm, row.persona]]
                ?? PersonaTally(arm: arm, persona: row.persona, replicates: replicates[arm] ?? 1)
            tally.counts[row.kind, default: 0] += row.annotations
            tally.seconds += row.seconds
            switch row.kind {
            case .relevance:
                tally.relevance = Agreement(
                    judged: tally.relevance.judged + row.judged, correct: tally.relevance.correct + row.agreed)
            case .preference:
                tally.preference = Agreement(
                    judged: tally.preference.judged + row.judged, correct: tally.preference.correct + row.agreed)
            case .adoption, .missingKnowledge: break
            }
            byKey[[arm, row.persona]] = tally
        }
        return byKey.values.sorted { ($0.arm, $0.persona) < ($1.arm, $1.persona) }
    }
}
