import FlywheelCore

/// The tone policy's paired evidence: preference pairs whose replies hold the same sentences
/// in two tones.
///
/// The adoption record by tone compares replies shown to different tickets, often by
/// different generator versions, and chosen as A by the reward model for their content: a
/// tone first shown after the generator improved inherits that improvement, so its record
/// looks better than the record of the tone the untrained generator showed (issue 18 item 6:
/// the record switched the tone to `brief`, which the judge marks down, and held-out
/// helpfulness fell 4.495 → 4.428). A preference between two replies to the same ticket, from
/// the same generator, with the same sentences, is about the tone alone; such pairs veto a
/// switch they contradict.
extension GenerationPolicy {
    /// Decisive preferences between two tones on the same sentences.
    public struct Duel: Hashable, Sendable, Codable {
        /// Times the first tone (in the key's order) was preferred.
        public var first: Double = 0
        /// Times the second tone was preferred.
        public var second: Double = 0
        public init() {}
    }

    /// Key of the duel between tones `x` and `y` (stored in raw-value order).
    static func toneKey(_ x: Reply.Tone, _ y: Reply.Tone) -> String {
        x.rawValue < y.rawValue ? "\(x.rawValue)|\(y.rawValue)" : "\(y.rawValue)|\(x.rawValue)"
    }

    /// The duels after `preferences`: a pair counts when its choice is `a` or `b` (ties and
    /// `both_bad` say nothing about the order) and its replies hold the same sentences, in the
    /// same order, in two tones.
    func recording(_ preferences: [PreferenceExample]) -> GenerationPolicy {
        var next = self
        for p in preferences {
            let aWon: Bool
            switch p.annotation.choice {
            case .a: aWon = true
            case .b: aWon = false
            default: continue
            }
            let (a, b) = (p.a, p.b)
            guard a.tone != b.tone, a.sentences.map(Self.sentenceKey) == b.sentences.map(Self.sentenceKey)
            else { continue }
            let key = Self.toneKey(a.tone, b.tone)
            let winner = aWon ? a.tone : b.tone
            var duel = next.toneDuels[key] ?? Duel()
            if key.hasPrefix(winner.rawValue + "|") { duel.first += 1 } else { duel.second += 1 }
            next.toneDuels[key] = duel
        }
        return next
    }

    /// Whether same-sentence pairs preferred the `current` tone over `candidate` more often
    /// than the reverse (no such pairs: no contradiction).
    func toneContradicted(_ candidate: Reply.Tone, over current: Reply.Tone) -> Bool {
        guard let duel = toneDuels[Self.toneKey(candidate, current)] else { return false }
        let candidateFirst = Self.toneKey(candidate, current).hasPrefix(candidate.rawValue + "|")
        let (won, lost) = candidateFirst ? (duel.first, duel.second) : (duel.second, duel.first)
        return lost > won
    }

    static func sentenceKey(_ s: Reply.Sentence) -> String { "\(s.article.rawValue)#\(s.position)" }
}
