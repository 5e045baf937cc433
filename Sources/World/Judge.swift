import FlywheelCore
import WorldTruth

/// The world's judge: true quality of a reply for a ticket, and a 1–5 helpfulness score.
///
/// True quality (each part in [0, 1], docs/world.md "The judge"):
/// - **coverage**: share of the ticket's nuggets stated by some reply sentence. A sentence
///   states a nugget when it holds ≥ ``JudgeConfig/coverageThreshold`` of the nugget's content
///   words and all of its numbers, and does not come from a conflicting article (unless it says
///   the nugget word for word). Without nuggets: content-word recall of `referenceResponse`,
///   scaled by ``JudgeConfig/referenceRecallForFull``; without either, the grade-weighted share
///   of relevant articles cited.
/// - **correctness**: `(1 − penalty)^k` for k sentences that contradict a needed fact — a
///   sentence from an article in `truth.conflicting` that overlaps a nugget without stating it
///   (every such sentence when there are no nuggets), or any sentence that states a nugget's
///   words with a different number.
/// - **focus**: share of reply sentences from relevant articles (1 for an empty reply to a
///   ticket that needs no knowledge, else 0 when empty).
/// - **fit**: length factor × tone factor; length is 1 inside the word band, `w / min` below it
///   and `max(0, 2 − w / max)` above it; tone is 1 for a preferred tone, else
///   ``JudgeConfig/toneMismatchFit``.
///
/// `total = correctness × (w_cov·coverage + w_focus·focus + w_fit·fit) / (w_cov + w_focus + w_fit)`:
/// correctness multiplies rather than adds, so a reply that states a contradicting fact loses
/// most of its value however complete it is, and an irrelevant reply earns nothing for merely
/// not being wrong. **Helpfulness** is `1 + 4·total` (continuous),
/// plus Gaussian noise of sd ``JudgeConfig/noiseSD`` when positive, clamped to [1, 5] and rounded
/// when ``JudgeConfig/roundScores`` is set. So "share ≥ 4" is the share with total ≥ 0.75 when
/// noise is off.
///
/// ```swift
/// let judge = Judge()
/// let q = judge.quality(of: reply, for: truth)      // q.total, q.failure
/// var rng = RandomStream(seed: 1, purpose: "judge")
/// let h = judge.helpfulness(of: reply, for: truth, rng: &rng)   // 1...5
/// ```
public struct Judge: Sendable {
    public var config: JudgeConfig
    /// Tokens and word counts of sentence and nugget texts already seen: the run's memo
    /// (``JudgeMemo``), shared by the copies of this judge.
    public let memo: JudgeMemo
    var tokenCache: PureMemo<JudgedText> { memo.judged }

    /// `memo`: the run's (a new one unless given; give one to the judges of a run to share the
    /// work — values are pure, so sharing changes no score).
    public init(config: JudgeConfig = .init(), memo: JudgeMemo = JudgeMemo()) {
        self.config = config
        self.memo = memo
    }

    /// True quality of `reply` for the ticket whose truth is `truth`. Deterministic.
    public func quality(of reply: Reply, for truth: TicketTruth) -> QualityBreakdown {
        quality(of: reply, for: prepare(truth))
    }

    /// True quality of several replies to one ticket (e.g. best-of-n candidates); the same as
    /// calling ``quality(of:for:)`` on each, but tokenises the truth once.
    public func qualities(of replies: [Reply], for truth: TicketTruth) -> [QualityBreakdown] {
        let prepared = prepare(truth)
        return replies.map { quality(of: $0, for: prepared) }
    }

    /// ``PreparedTruth`` with nugget texts tokenised through the cache.
    func prepare(_ truth: TicketTruth) -> PreparedTruth {
        PreparedTruth(truth, judged: tokenCache.value)
    }

    /// The truth's token sets, computed once per ticket.
    struct PreparedTruth {
        var truth: TicketTruth
        var conflicting: Set<ArticleID>
        /// The nuggets with content words, as memo entries (references: preparing a truth
        /// copies no token sets).
        var nuggets: [JudgedText]
        var reference: ContentTokens?
        /// `judged` must equal `JudgedText.init` (e.g. a memo of it). The reference is only
        /// tokenised when it is used: when no nugget has content words.
        init(_ truth: TicketTruth, judged: (String) -> JudgedText) {
            self.truth = truth
            conflicting = Set(truth.conflicting)
            nuggets = truth.nuggets.map { judged($0.text) }.filter { !$0.tokens.isEmpty }
            reference =
                nuggets.isEmpty
                ? truth.referenceResponse.map(ContentTokens.init).flatMap { $0.isEmpty ? nil : $0 } : nil
        }
    }

    func quality(of reply: Reply, for prepared: PreparedTruth) -> QualityBreakdown {
        qualityAndWords(of: reply, for: prepared).quality
    }

    /// ``quality(of:for:)`` and the reply's ``wordCount(_:)``, which it computes anyway.
    func qualityAndWords(of reply: Reply, for prepared: PreparedTruth) -> (quality: QualityBreakdown, words: Int) {
        // Read in place, not copied into locals: a copy of the truth or of a token set
        // retains every array and set it holds, for each reply judged.
        let judged = reply.sentences.map { tokenCache.value($0.text) }

        // Contradictions and nugget coverage, sentence by sentence.
        var covered = Array(repeating: false, count: prepared.nuggets.count)
        var contradictions = 0
        for k in judged.indices {
            let text = judged[k]
            let fromConflicting =
                !prepared.conflicting.isEmpty && prepared.conflicting.contains(reply.sentences[k].article)
            var statesSome = false
            var clashes = fromConflicting && prepared.nuggets.isEmpty
            for i in prepared.nuggets.indices {
                let (overlap, verbatim) = ContentTokens.recallAndContainment(
                    prepared.nuggets[i].tokens.wordIDs, in: text.tokens.wordIDs)
                if fromConflicting {
                    if verbatim {
                        covered[i] = true
                        statesSome = true
                    } else if overlap >= config.contradictionOverlap {
                        clashes = true
                    }
                } else if overlap >= config.coverageThreshold {
                    if SortedIDs.isSubset(prepared.nuggets[i].tokens.numberIDs, of: text.tokens.numberIDs) {
                        covered[i] = true
                        statesSome = true
                    } else if !SortedIDs.isSubset(text.tokens.numberIDs, of: prepared.nuggets[i].tokens.numberIDs) {
                        clashes = true  // the nugget's words with a different value
                    }
                }
            }
            // A sentence that states one needed fact is not held against a similar other one
            // (tickets can need two near-identical facts, e.g. for two listing types).
            if clashes && !statesSome { contradictions += 1 }
        }

        let coverage: Double
        if !prepared.nuggets.isEmpty {
            coverage = Double(covered.filter { $0 }.count) / Double(prepared.nuggets.count)
        } else if let reference = prepared.reference {
            // sentences only: greeting and closing boilerplate carry no knowledge
            var said = ContentTokens("")
            for t in judged { said.words.formUnion(t.tokens.words) }
            let recall = reference.recall(in: said)
            coverage = min(1, recall / max(config.referenceRecallForFull, 1e-9))
        } else {
            let relevant = prepared.truth.relevant.filter { $0.value > 0 }
            let cited = Set(reply.sentences.map(\.article))
            let total = relevant.values.reduce(0, +)
            coverage =
                total > 0
                ? Double(relevant.filter { cited.contains($0.key) }.values.reduce(0, +)) / Double(total)
                : 1
        }

        let correctness = pow(1 - config.contradictionPenalty, Double(contradictions))

        let focus: Double
        if reply.sentences.isEmpty {
            focus = prepared.truth.relevant.values.contains(where: { $0 > 0 }) ? 0 : 1
        } else {
            var onTopic = 0
            for s in reply.sentences where (prepared.truth.relevant[s.article] ?? 0) > 0 { onTopic += 1 }
            focus = Double(onTopic) / Double(reply.sentences.count)
        }

        let wordCount = Self.wordCount(reply, judged: judged)
        let words = Double(wordCount)
        let lo = Double(max(config.length.minWords, 1))
        let hi = Double(max(config.length.maxWords, config.length.minWords, 1))
        let lengthFit = words < lo ? words / lo : (words > hi ? max(0, 2 - words / hi) : 1)
        let toneFit = config.preferredTones.contains(reply.tone) ? 1 : config.toneMismatchFit
        let fit = lengthFit * toneFit

        let w = config.weights
        let total =
            w.sum > 0
            ? correctness * (w.coverage * coverage + w.focus * focus + w.fit * fit) / w.sum
            : 0

        let failure = dominantFailure(
            contradictions: contradictions, total: total, coverage: coverage, focus: focus,
            lengthFit: lengthFit, tooLong: words > hi, toneFit: toneFit)
        let quality = QualityBreakdown(
            coverage: coverage, correctness: correctness, focus: focus, fit: fit, total: total,
            failure: failure)
        return (quality, wordCount)
    }

    /// The judge's 1–5 helpfulness score: `1 + 4·total`, plus `N(0, noiseSD)` drawn from `rng`
    /// when `noiseSD > 0` (no draw otherwise), clamped to [1, 5], rounded if configured.
    public func helpfulness(of reply: Reply, for truth: TicketTruth, rng: inout RandomStream) -> Double {
        helpfulness(from: quality(of: reply, for: truth), rng: &rng)
    }

    /// ``helpfulness(of:for:rng:)`` of a reply whose ``quality(of:for:)`` is `quality`.
    public func helpfulness(from quality: QualityBreakdown, rng: inout RandomStream) -> Double {
        var score = 1 + 4 * quality.total
        if config.noiseSD > 0 { score += config.noiseSD * rng.normal() }
        score = min(5, max(1, score))
        return config.roundScores ? score.rounded() : score
    }

    /// `reply.wordCount` without joining the reply's text: for all-ASCII parts, the words of
    /// each non-empty part summed (the join's " " separates them anyway; see
    /// ``asciiWordCount(_:)``). Anything else (where a combining mark after the joining space
    /// could merge two words) falls back to `reply.wordCount`.
    static func wordCount(_ reply: Reply) -> Int {
        wordCount(reply, judged: nil)
    }

    /// ``wordCount(_:)`` with the sentences' counts read from their memo entries `judged`
    /// (one per sentence, in order) when given.
    static func wordCount(_ reply: Reply, judged: [JudgedText]?) -> Int {
        guard let greeting = asciiWordCount(reply.greeting), let closing = asciiWordCount(reply.closing) else {
            return reply.wordCount
        }
        var total = greeting + closing
        for (i, s) in reply.sentences.enumerated() {
            guard let n = judged.map({ $0[i].asciiWords }) ?? asciiWordCount(s.text) else { return reply.wordCount }
            total += n
        }
        return total
    }

    /// The words of an all-ASCII `text`, where a word ends at " " or at a "\n" not preceded by
    /// "\r" ("\r\n" is one `Character`, not a separator), as `Reply.wordCount` counts them;
    /// nil when `text` has a non-ASCII byte.
    static func asciiWordCount(_ text: String) -> Int? {
        var total = 0
        var inWord = false
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b >= 0x80 { return nil }
            let separator = b == 0x20 || (b == 0x0A && previous != 0x0D)
            if separator {
                inWord = false
            } else if !inWord {
                inWord = true
                total += 1
            }
            previous = b
        }
        return total
    }

    /// Contradiction first; otherwise, below ``JudgeConfig/goodQuality``, the part that loses
    /// the most weighted quality (a too-short reply counts as missing information).
    func dominantFailure(
        contradictions: Int, total: Double, coverage: Double, focus: Double,
        lengthFit: Double, tooLong: Bool, toneFit: Double
    ) -> RationaleCategory? {
        if contradictions > 0 { return .incorrectInformation }
        guard total < config.goodQuality else { return nil }
        let w = config.weights
        let scale = w.sum > 0 ? w.sum : 1
        let candidates: [(RationaleCategory, Double)] = [
            (.missingInformation, (w.coverage * (1 - coverage) + (tooLong ? 0 : w.fit * (1 - lengthFit))) / scale),
            (.irrelevant, w.focus * (1 - focus) / scale),
            (.tooLong, tooLong ? w.fit * (1 - lengthFit) / scale : 0),
            (.toneOrStyle, w.fit * (1 - toneFit) / scale)
        ]
        // first maximum in this fixed order: ties resolve deterministically
        var best = candidates[0]
        for c in candidates.dropFirst() where c.1 > best.1 { best = c }
        return best.1 > 0 ? best.0 : .other
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
