import FlywheelCore

/// The generator's learned policy parameters: the baseline candidate's sentence budget and
/// tone, moved by adoption rationales (`too_long` shortens, `missing_information` lengthens,
/// `tone_or_style` counts against the tone shown).
public struct GenerationPolicy: Hashable, Sendable, Codable {
    /// Sentences in the baseline candidate.
    public var length: Int
    public var tone: Reply.Tone
    /// Adoption record of the replies shown, by tone raw value, for the tone policy.
    public var toneRecord: [String: ToneRecord]

    public struct ToneRecord: Hashable, Sendable, Codable {
        public var shown: Double = 0
        public var adopted: Double = 0
        public var complaints: Double = 0
        public init() {}
        /// Smoothed adoption rate minus smoothed tone-complaint rate.
        var merit: Double { (adopted + 1) / (shown + 2) - complaints / (shown + 2) }
    }

    /// A tone needs this many showings before the policy may switch to it.
    static let toneEvidence: Double = 20

    public init(length: Int, tone: Reply.Tone) {
        self.length = length
        self.tone = tone
        self.toneRecord = [:]
    }

    /// The policy after `adoptions`, bounded by `config`. At most one sentence of change per call.
    func updated(with adoptions: [AdoptionExample], config: GenerationConfig) -> GenerationPolicy {
        var next = self
        guard !adoptions.isEmpty else { return next }
        var net = 0.0
        for ex in adoptions {
            var record = next.toneRecord[ex.reply.tone.rawValue] ?? ToneRecord()
            record.shown += 1
            if ex.annotation.outcome.isAdopted { record.adopted += 1 }
            switch ex.annotation.rationale {
            case .tooLong?: net -= 1
            case .missingInformation?: net += 1
            case .toneOrStyle?: record.complaints += 1
            default: break
            }
            next.toneRecord[ex.reply.tone.rawValue] = record
        }
        let share = net / Double(adoptions.count)
        if share >= config.lengthStepShare {
            next.length = min(config.maxLength, length + 1)
        } else if share <= -config.lengthStepShare {
            next.length = max(config.minLength, length - 1)
        }
        let current = next.toneRecord[tone.rawValue]?.merit ?? 0.5
        var best = (tone, current)
        for t in Reply.Tone.allCases where t != tone {
            guard let r = next.toneRecord[t.rawValue], r.shown >= Self.toneEvidence else { continue }
            if r.merit > best.1 { best = (t, r.merit) }
        }
        next.tone = best.0
        return next
    }
}
