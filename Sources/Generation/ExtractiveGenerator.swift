import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's reply generator: extractive composition from the reranked articles, best-of-n
/// under a Bradley–Terry ``RewardModel``, and supervised updates from adoption.
///
/// For each ticket it composes `config.candidates` candidates:
/// - candidate 0, the **baseline**: the `policy.length` best sentences under the
///   ``SentenceScorer`` from the top `config.baselineScope` articles, in the policy tone;
/// - candidates 1…n−1, **variants**, each drawing a length (policy length −2…+2, clamped), an
///   article scope (top 1, 2, 3 or all), a tone (the policy tone half the time) and a selection
///   rule (greedy by score, or a Gumbel-top-k sample at `config.samplingTemperature`).
///
/// Suggestion **A** is the candidate with the highest reward (ties to the lowest index, so the
/// untrained generator, whose reward is zero everywhere, suggests the baseline). Suggestion
/// **B**, the challenger, is the highest-reward candidate that differs from A, or with
/// probability `config.exploration` a uniformly drawn candidate that differs from A. B equals A
/// only when every candidate does.
///
/// Deterministic given the `rng`: `suggest` takes one draw from it and keys the rest on that.
///
/// ```swift
/// var rng = RandomStream(seed: 7, purpose: "generation", ids: [StableHash.fnv1a(ticket.id.rawValue)])
/// let (a, b) = ExtractiveGenerator().suggest(for: ticket, articles: top8, rng: &rng)
/// ```
public struct ExtractiveGenerator: ReplyGenerator, Hashable, Codable {
    public var config: GenerationConfig
    public var policy: GenerationPolicy
    public var scorer: SentenceScorer
    public var prior: SentencePrior {
        didSet { compiledPrior = CompiledPriorSlot() }
    }
    public var reward: RewardModel
    /// 0 untrained; +1 per ``retrained(preferences:adoptions:)``.
    public var version: Int
    /// Per-article sentence analysis and the prior's word ids, shared by this generator's
    /// retrained copies (``ArticleAnalysisCache``); not part of equality or coding (a decoded
    /// generator starts a cache of its own).
    var analysis = ArticleAnalysisCache()
    /// `prior` compiled to interned ids, set by retraining and cleared whenever `prior` is
    /// assigned or mutated (the string-keyed `prior` is then read directly, with the same
    /// values); not part of equality or coding.
    var compiledPrior = CompiledPriorSlot()

    enum CodingKeys: String, CodingKey {
        case config, policy, scorer, prior, reward, version
    }

    /// `analysis`: the cache this generator and its retrained copies use (a new one unless
    /// given; give one to several generators to share the work).
    public init(config: GenerationConfig = GenerationConfig(), analysis: ArticleAnalysisCache = ArticleAnalysisCache())
    {
        self.analysis = analysis
        self.config = config
        self.policy = GenerationPolicy(length: config.length, tone: config.tone)
        self.scorer = SentenceScorer()
        self.prior = SentencePrior(smoothing: config.priorSmoothing)
        self.reward = RewardModel(l2: config.rewardL2, halfLifeDays: config.rewardHalfLifeDays, prior: prior)
        self.version = 0
    }

    public func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> (a: Reply, b: Reply) {
        let scored = scoredCandidates(for: ticket, articles: articles, rng: &rng)
        let key = rng.next()
        let bestIndex =
            scored.indices.max { l, r in
                scored[l].reward < scored[r].reward || (scored[l].reward == scored[r].reward && l > r)
            } ?? 0
        let a = scored[bestIndex].reply
        let others = scored.indices.filter { scored[$0].reply != a }
        guard !others.isEmpty else { return (a, a) }
        var explore = rng.derived("generation.challenger", key)
        let b: Int
        if explore.bernoulli(config.exploration) {
            b = others[explore.int(below: others.count)]
        } else {
            b = others.max { l, r in
                scored[l].reward < scored[r].reward || (scored[l].reward == scored[r].reward && l > r)
            }!
        }
        return (a, scored[b].reply)
    }

    /// The n candidates for `ticket`, in the order described above (candidate 0 is the baseline).
    public func candidates(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> [Reply] {
        scoredCandidates(for: ticket, articles: articles, rng: &rng).map(\.reply)
    }

    /// The reply the untrained policy would give: the baseline candidate alone, no randomness.
    public func baseline(for ticket: Ticket, articles: [Article]) -> Reply {
        let ctx = context(ticket: ticket, articles: articles)
        return ReplyComposer.compose(
            select(ctx, scope: config.baselineScope, length: policy.length, rng: nil), tone: policy.tone)
    }

    // MARK: composition

    struct Context {
        /// The ticket's number of distinct content tokens.
        var ticketTokenCount: Int
        var pool: SentencePool
        var scores: [Double]
        /// Pool indices by score, best first, ties to the earlier sentence.
        var greedyOrder: [Int]
    }

    func context(ticket: Ticket, articles: [Article]) -> Context {
        let words = analysis.ticketWords.value(ticket.text)
        let pool = SentenceFeatures.pool(
            articles: articles, depth: config.articleDepth, ticketWords: words, prior: prior,
            compiled: compiledPrior.value, cache: analysis)
        let scores = pool.candidates.map { scorer.score($0, ticketTokens: words.sorted.count) }
        // (score, index) pairs sort without reaching back into `scores`: the same total order
        var keyed = scores.indices.map { (score: scores[$0], index: $0) }
        keyed.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        let order = keyed.map(\.index)
        return Context(ticketTokenCount: words.sorted.count, pool: pool, scores: scores, greedyOrder: order)
    }

    /// Indices into the pool: the `length` best within the top `scope` articles (greedy), or a
    /// Gumbel-top-k sample when `rng` is given. Ties go to the earlier sentence.
    func select(_ ctx: Context, scope: Int, length: Int, rng: RandomStream?) -> [Reply.Sentence] {
        var out: [Reply.Sentence] = []
        out.reserveCapacity(length)
        var seenText: [Int] = []
        seenText.reserveCapacity(length)
        guard let rng else {
            // greedy: the pool's one score order, restricted to the scope (the same order as
            // sorting the restricted pool, since the order is total)
            for i in ctx.greedyOrder where out.count < length && ctx.pool.candidates[i].articleRank <= scope {
                if !seenText.contains(ctx.pool.textIDs[i]) {
                    seenText.append(ctx.pool.textIDs[i])
                    out.append(ctx.pool.sentence(i))
                }
            }
            return out
        }
        var keyed: [(key: Double, index: Int)] = []
        keyed.reserveCapacity(ctx.pool.candidates.count)
        var r: RandomStream? = rng
        for i in ctx.pool.candidates.indices where ctx.pool.candidates[i].articleRank <= scope {
            var key = ctx.scores[i]
            if r != nil {
                let u = max(r!.uniform(), 1e-300)
                key = key / config.samplingTemperature - log(-log(u))
            }
            keyed.append((key, i))
        }
        keyed.sort { $0.key > $1.key || ($0.key == $1.key && $0.index < $1.index) }
        for k in keyed where out.count < length {
            if !seenText.contains(ctx.pool.textIDs[k.index]) {
                seenText.append(ctx.pool.textIDs[k.index])
                out.append(ctx.pool.sentence(k.index))
            }
        }
        return out
    }

    /// Words of ``ReplyComposer``'s greeting and closing in `tone` (every candidate is composed
    /// by it), counted once.
    static func frameWords(_ tone: Reply.Tone) -> Int { frameWordsByTone[Reply.Tone.allCases.firstIndex(of: tone)!] }
    static let frameWordsByTone = Reply.Tone.allCases.map {
        TextTokens.wordCount(ReplyComposer.greeting($0)) + TextTokens.wordCount(ReplyComposer.closing($0))
    }

    struct Scored {
        var reply: Reply
        var reward: Double
    }

    func scoredCandidates(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> [Scored] {
        let ctx = context(ticket: ticket, articles: articles)
        let key = rng.next()
        // An untrained reward model (all weights ±0) scores every reply +0.0 exactly (the dot
        // product starts at +0.0 and every term is ±0 for finite features): skip the features.
        let rewardIsZero = reward.weights.allSatisfy { $0 == 0 }
        var out: [Scored] = []
        for i in 0..<max(1, config.candidates) {
            let reply: Reply
            if i == 0 {
                reply = ReplyComposer.compose(
                    select(ctx, scope: config.baselineScope, length: policy.length, rng: nil), tone: policy.tone)
            } else {
                var r = RandomStream(seed: key, purpose: "generation.candidate", ids: [UInt64(i)])
                let length = min(config.maxLength, max(config.minLength, policy.length + r.int(below: 5) - 2))
                // the top 1, 2 or 3 articles, or all of them (no array per candidate)
                let pick = r.int(below: 4)
                let scope = pick < 3 ? pick + 1 : config.articleDepth
                let tone = r.bernoulli(0.5) ? policy.tone : Reply.Tone.allCases[r.int(below: Reply.Tone.allCases.count)]
                let sampled = r.bernoulli(0.5)
                let sentences = select(
                    ctx, scope: scope, length: length, rng: sampled ? r.derived("sample") : nil)
                reply = ReplyComposer.compose(sentences, tone: tone)
            }
            if rewardIsZero {
                out.append(Scored(reply: reply, reward: 0))
                continue
            }
            let indices = reply.sentences.compactMap { ctx.pool.index(of: $0) }
            let features = ReplyFeatures.vector(
                indices.map { ctx.pool.candidates[$0] }, tokenIDs: indices.map { ctx.pool.analyzed($0).tokenIDs },
                ticketIDs: ctx.pool.ticketIDs, ticketTokenCount: ctx.ticketTokenCount, tone: reply.tone,
                frameWords: Self.frameWords(reply.tone))
            out.append(Scored(reply: reply, reward: reward.score(features: features)))
        }
        return out
    }
}
