import FlywheelCore

/// The generator's learned policy parameters: the baseline candidate's sentence budget and
/// tone, moved by adoption feedback.
///
/// Length: rationales propose a step (`too_long` shortens, `missing_information` lengthens,
/// when their net share of the batch reaches `length_step_share`), but the adoption record by
/// sentence count has a veto: a step is not taken towards a length whose replies agents have
/// adopted less often than the current one's (each with at least 20 showings). Without the
/// veto, missing-information rationales — often about a wrong sentence, not a short reply —
/// grow the length every round. Tone: `tone_or_style` complaints count against the tone shown;
/// the tone with the best adoption record (20 showings or more) wins — unless preference pairs
/// holding the same sentences in both tones preferred the current tone more often
/// (GenerationPolicy+PairedEvidence.swift): the record compares replies to different tickets,
/// shown by different generator versions.
public struct GenerationPolicy: Hashable, Sendable, Codable {
    /// Sentences in the baseline candidate.
    public var length: Int
    public var tone: Reply.Tone
    /// Adoption record of the replies shown, by tone raw value, for the tone policy.
    public var toneRecord: [String: ToneRecord]
    /// Adoption record of the replies shown, by sentence count (as a string key).
    public var lengthRecord: [String: ToneRecord]
    /// Preferences between two tones on the same sentences, by ``toneKey(_:_:)``.
    public var toneDuels: [String: Duel]

    public struct ToneRecord: Hashable, Sendable, Codable {
        public var shown: Double = 0
        public var adopted: Double = 0
        public var complaints: Double = 0
        public init() {}
        /// Smoothed adoption rate minus smoothed tone-complaint rate.
        var merit: Double { (adopted + 1) / (shown + 2) - complaints / (shown + 2) }
    }

    /// A tone (or length) needs this many showings before its record counts.
    static let toneEvidence: Double = 20

    public init(length: Int, tone: Reply.Tone) {
        self.length = length
        self.tone = tone
        self.toneRecord = [:]
        self.lengthRecord = [:]
        self.toneDuels = [:]
    }

    enum CodingKeys: String, CodingKey {
        case length, tone
        case toneRecord = "tone_record"
        case lengthRecord = "length_record"
        case toneDuels = "tone_duels"
    }

    /// The policy after `adoptions` and `preferences`, bounded by `config`. At most one sentence
    /// of change per call.
    func updated(
        with adoptions: [AdoptionExample], preferences: [PreferenceExample] = [], config: GenerationConfig
    ) -> GenerationPolicy {
        var next = recording(preferences)
        guard !adoptions.isEmpty else { return next }
        var net = 0.0
        for ex in adoptions {
            var record = next.toneRecord[ex.reply.tone.rawValue] ?? ToneRecord()
            record.shown += 1
            if ex.annotation.outcome.isAdopted { record.adopted += 1 }
            var byLength = next.lengthRecord[String(ex.reply.sentences.count)] ?? ToneRecord()
            byLength.shown += 1
            if ex.annotation.outcome.isAdopted { byLength.adopted += 1 }
            next.lengthRecord[String(ex.reply.sentences.count)] = byLength
            switch ex.annotation.rationale {
            case .tooLong?: net -= 1
            case .missingInformation?: net += 1
            case .toneOrStyle?: record.complaints += 1
            default: break
            }
            next.toneRecord[ex.reply.tone.rawValue] = record
        }
        let share = net / Double(adoptions.count)
        let step = share >= config.lengthStepShare ? 1 : (share <= -config.lengthStepShare ? -1 : 0)
        let target = min(config.maxLength, max(config.minLength, length + step))
        if target != length, !next.lengthWorse(target, than: length) { next.length = target }
        let current = next.toneRecord[tone.rawValue]?.merit ?? 0.5
        var best = (tone, current)
        for t in Reply.Tone.allCases where t != tone {
            guard let r = next.toneRecord[t.rawValue], r.shown >= Self.toneEvidence,
                !next.toneContradicted(t, over: tone)
            else { continue }
            if r.merit > best.1 { best = (t, r.merit) }
        }
        next.tone = best.0
        return next
    }

    /// Whether replies of `candidate` sentences were adopted less often than those of
    /// `current` sentences, both with enough showings.
    func lengthWorse(_ candidate: Int, than current: Int) -> Bool {
        guard let c = lengthRecord[String(candidate)], let k = lengthRecord[String(current)],
            c.shown >= Self.toneEvidence, k.shown >= Self.toneEvidence
        else { return false }
        return c.merit < k.merit
    }
}
