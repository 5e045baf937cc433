import FlywheelCore

/// One candidate sentence for a ticket, with what the generator knows about it: where it
/// comes from and the features the sentence scorer weighs. A plain value (no text, no token
/// list): a ticket's pool holds every sentence of the shown articles, and copying references
/// for each cost more than scoring them. The text and tokens are found through the pool
/// (``SentencePool``) or kept beside the candidates.
struct SentenceCandidate: Sendable {
    var articleRank: Int
    var position: Int
    /// Equal for the sentences of one article and different otherwise, among the candidates
    /// compared with each other (the index of the article's first occurrence).
    var articleKey: Int
    /// The number of distinct content tokens.
    var tokenCount: Int
    var words: Int
    var hasSlot: Bool
    var prior: Double
    /// Shared content tokens with the ticket.
    var shared: Int
}

/// Every sentence of a ticket's first `depth` shown articles (``SentenceFeatures/pool``): the
/// candidates, pool index by pool index, and what they point to.
struct SentencePool {
    var candidates: [SentenceCandidate]
    /// Interned text of each pool sentence: equal ids for equal texts.
    var textIDs: [Int]
    /// Pool index of the first sentence of the article at each rank (rank 1 at index 0).
    var rankStart: [Int]
    /// The interned ids of the ticket's tokens some analysed sentence has, ascending.
    var ticketIDs: [Int32]
    /// The shown articles' ids and analyses, by rank − 1.
    var articleIDs: [ArticleID]
    var analyses: [ArticleAnalysis]

    /// The analysed sentence behind pool index `i`.
    func analyzed(_ i: Int) -> AnalyzedSentence {
        analyses[candidates[i].articleRank - 1].sentences[candidates[i].position]
    }

    /// The sentence at pool index `i`, as a reply carries it.
    func sentence(_ i: Int) -> Reply.Sentence {
        let c = candidates[i]
        return Reply.Sentence(
            text: analyses[c.articleRank - 1].sentences[c.position].text, article: articleIDs[c.articleRank - 1],
            articleRank: c.articleRank, position: c.position)
    }

    /// The pool index of a sentence taken from this pool.
    func index(of s: Reply.Sentence) -> Int? {
        guard s.articleRank >= 1, s.articleRank <= rankStart.count, s.position >= 0 else { return nil }
        let i = rankStart[s.articleRank - 1] + s.position
        let end = s.articleRank < rankStart.count ? rankStart[s.articleRank] : candidates.count
        guard i < end, articleIDs[s.articleRank - 1] == s.article,
            analyses[s.articleRank - 1].sentences[s.position].text == s.text
        else { return nil }
        return i
    }
}

/// Features of one (ticket, sentence) pair, each scaled to about [0, 1]. The order is the
/// order of ``SentenceScorer/weights``.
///
/// | index | feature | meaning |
/// | --- | --- | --- |
/// | 0 | overlap | share of the ticket's content words the sentence contains |
/// | 1 | density | share of the sentence's content words that are in the ticket |
/// | 2 | inverse rank | 1 / rank of the sentence's article in the list given |
/// | 3 | lead | 1 / (1 + position in the article) |
/// | 4 | slot value | 1 if the sentence contains a number, currency or percent sign |
/// | 5 | length | words / 25, capped at 1 |
/// | 6 | prior | the learned ``SentencePrior`` value for this ticket's words, in (−1, 1) |
public enum SentenceFeatures {
    public static let names = ["overlap", "density", "inverse_rank", "lead", "slot_value", "length", "prior"]
    public static var count: Int { names.count }

    static func vector(_ c: SentenceCandidate, ticketTokens: Int) -> [Double] {
        [
            Double(c.shared) / Double(max(1, ticketTokens)),
            Double(c.shared) / Double(max(1, c.tokenCount)),
            1 / Double(max(1, c.articleRank)),
            1 / Double(1 + c.position),
            c.hasSlot ? 1 : 0,
            min(1, Double(c.words) / 25),
            c.prior
        ]
    }

    /// `weights · vector(c, ticketTokens:)` without building the vector (the same products,
    /// summed in the same order as ``LogisticFit/dot(_:_:)``).
    static func score(_ c: SentenceCandidate, ticketTokens: Int, weights w: [Double]) -> Double {
        var s = 0.0
        s += w[0] * (Double(c.shared) / Double(max(1, ticketTokens)))
        s += w[1] * (Double(c.shared) / Double(max(1, c.tokenCount)))
        s += w[2] * (1 / Double(max(1, c.articleRank)))
        s += w[3] * (1 / Double(1 + c.position))
        s += w[4] * (c.hasSlot ? 1 : 0)
        s += w[5] * min(1, Double(c.words) / 25)
        s += w[6] * c.prior
        return s
    }

    /// Builds the candidate for an already provenance-tagged sentence (its article's
    /// `articleKey`), and its token ids, interned with `intern` (a local dictionary shared by
    /// the reply's sentences and its ticket).
    static func candidate(
        _ s: Reply.Sentence, articleKey: Int, ticketTokens: Set<String>, sortedTicketTokens: [String],
        prior: SentencePrior, intern: inout [String: Int32]
    ) -> (candidate: SentenceCandidate, tokenIDs: [Int32]) {
        let toks = TextTokens.tokenSet(s.text)
        let candidate = SentenceCandidate(
            articleRank: s.articleRank, position: s.position, articleKey: articleKey, tokenCount: toks.count,
            words: TextTokens.wordCount(s.text), hasSlot: TextTokens.hasSlotValue(s.text),
            prior: prior.isEmpty
                ? 0 : prior.value(key: SentencePrior.key(s.article, s.position), sortedTokens: sortedTicketTokens),
            shared: sharedCount(toks, ticketTokens))
        return (candidate, internSorted(toks, &intern))
    }

    /// For each sentence of a reply, the index of the first sentence from the same article:
    /// the candidates' `articleKey`s.
    static func articleKeys(_ sentences: [Reply.Sentence]) -> [Int] {
        sentences.map { s in sentences.firstIndex { $0.article == s.article }! }
    }

    /// The ids of `tokens` under `intern` (adding new ones), ascending.
    static func internSorted(_ tokens: Set<String>, _ intern: inout [String: Int32]) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        for t in tokens {
            let next = Int32(intern.count)
            let id = intern[t, default: next]
            if id == next { intern[t] = id }
            ids.append(id)
        }
        ids.sort()
        return ids
    }

    /// Every sentence of the first `depth` articles, tagged with rank and position, from the
    /// articles' cached analysis; also each sentence's interned text id and where each
    /// article's sentences start in the pool.
    ///
    /// With `compiled` (the generator's ``CompiledPrior`` of `prior`) the prior is read by
    /// interned ids; without, from `prior`'s strings: the same values either way.
    static func pool(
        articles: [Article], depth: Int, ticketWords: TicketWords, prior: SentencePrior,
        compiled: CompiledPrior? = nil, cache: ArticleAnalysisCache
    ) -> SentencePool {
        let shown = articles.prefix(depth)
        // analyse first, so every token of the pool is interned before the ticket's are looked up
        let (analyses, ticketIDs) = cache.analyses(of: shown, knownIDsOf: ticketWords.sorted)
        let ticketPrior = TicketPrior(prior, compiled: compiled, ticketWords: ticketWords)
        let sentenceCount = analyses.reduce(0) { $0 + $1.sentences.count }
        var pool = SentencePool(
            candidates: [], textIDs: [], rankStart: [], ticketIDs: ticketIDs, articleIDs: shown.map(\.id),
            analyses: analyses)
        pool.candidates.reserveCapacity(sentenceCount)
        pool.textIDs.reserveCapacity(sentenceCount)
        var priors: [Double] = [], tokenCounts: [Int] = [], shared: [Int] = []
        let ticketBits = TokenBits(ticketIDs)
        for i in analyses.indices {
            pool.rankStart.append(pool.candidates.count)
            let article = pool.articleIDs[i]
            let key = pool.articleIDs.firstIndex(of: article)!
            ticketPrior.values(of: article, analysis: analyses[i], into: &priors)
            analyses[i].tokenCounts(sharedWith: ticketBits, counts: &tokenCounts, shared: &shared)
            analyses[i].sentences.withUnsafeBufferPointer { sentences in
                for p in sentences.indices {
                    let a = sentences[p]
                    pool.candidates.append(
                        SentenceCandidate(
                            articleRank: i + 1, position: p, articleKey: key, tokenCount: tokenCounts[p],
                            words: a.words, hasSlot: a.hasSlot, prior: priors[p], shared: shared[p]))
                    pool.textIDs.append(a.textID)
                }
            }
        }
        return pool
    }

    /// The candidate for the sentence at `position` of an article shown at `rank` (its
    /// `articleKey`) from its cached analysis `a`, against the ticket's interned token ids, with
    /// the sentence's prior value.
    static func candidate(
        rank: Int, position: Int, articleKey: Int, analyzed a: AnalyzedSentence, ticketIDs: [Int32], prior: Double
    ) -> SentenceCandidate {
        SentenceCandidate(
            articleRank: rank, position: position, articleKey: articleKey, tokenCount: a.tokenIDs.count,
            words: a.words, hasSlot: a.hasSlot, prior: prior, shared: SortedIDs.overlap(a.tokenIDs, ticketIDs))
    }

    /// `a.intersection(b).count` without building the intersection.
    static func sharedCount(_ a: Set<String>, _ b: Set<String>) -> Int {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var n = 0
        for t in small where large.contains(t) { n += 1 }
        return n
    }
}

/// One ticket's reading of the ``SentencePrior``: by interned ids through the generator's
/// ``CompiledPrior`` when it has one, else from the prior's strings (the same values either way);
/// 0 for every sentence while the prior is empty.
struct TicketPrior {
    let prior: SentencePrior
    let compiled: CompiledPrior?
    let tokenCount: Int
    /// The ticket's tokens, sorted (string path only).
    let sortedTokens: [String]
    /// ``CompiledPrior/ticketWords(sorted:)`` (compiled path only).
    let words: [Int32]

    init(_ prior: SentencePrior, compiled: CompiledPrior?, ticketWords: TicketWords) {
        self.prior = prior
        self.compiled = prior.isEmpty ? nil : compiled
        tokenCount = ticketWords.sorted.count
        sortedTokens = !prior.isEmpty && compiled == nil ? ticketWords.sorted : []
        words = prior.isEmpty ? [] : compiled?.ticketWords(sorted: ticketWords.sorted) ?? []
    }

    /// The prior of the sentence at `position` of `article` (prior-key id `keyID`).
    func value(keyID: Int32, article: ArticleID, position: Int) -> Double {
        if prior.isEmpty { return 0 }
        if let compiled {
            return compiled.value(keyID: keyID, words: words, tokenCount: tokenCount, smoothing: prior.smoothing)
        }
        return prior.value(key: SentencePrior.key(article, position), sortedTokens: sortedTokens)
    }

    /// ``value(keyID:article:position:)`` of every sentence of an article's analysis, in
    /// position order, into `out` (through the compiled prior: one probe per ticket word for
    /// the whole article).
    func values(of article: ArticleID, analysis: ArticleAnalysis, into out: inout [Double]) {
        let sentences = analysis.sentences
        if prior.isEmpty {
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: repeatElement(0, count: sentences.count))
        } else if let compiled, let first = sentences.first {
            compiled.values(
                firstKeyID: first.priorKeyID, count: sentences.count, words: words, tokenCount: tokenCount,
                smoothing: prior.smoothing, into: &out)
        } else {
            out.removeAll(keepingCapacity: true)
            for p in sentences.indices {
                out.append(value(keyID: sentences[p].priorKeyID, article: article, position: p))
            }
        }
    }
}
