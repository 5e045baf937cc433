import FlywheelCore

/// One candidate sentence for a ticket, with what the generator knows about it: its provenance,
/// its content tokens, and the features the sentence scorer weighs.
struct SentenceCandidate: Sendable {
    var sentence: Reply.Sentence
    /// The distinct content tokens as ids, ascending (interned by the ``ArticleAnalysisCache``
    /// for pool sentences; locally for ``ReplyFeatures/vector(_:ticket:prior:)``).
    var tokenIDs: [Int32]
    var words: Int
    var hasSlot: Bool
    var prior: Double
    /// Shared content tokens with the ticket.
    var shared: Int
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
            Double(c.shared) / Double(max(1, c.tokenIDs.count)),
            1 / Double(max(1, c.sentence.articleRank)),
            1 / Double(1 + c.sentence.position),
            c.hasSlot ? 1 : 0,
            min(1, Double(c.words) / 25),
            c.prior,
        ]
    }

    /// `weights · vector(c, ticketTokens:)` without building the vector (the same products,
    /// summed in the same order as ``LogisticFit/dot(_:_:)``).
    static func score(_ c: SentenceCandidate, ticketTokens: Int, weights w: [Double]) -> Double {
        var s = 0.0
        s += w[0] * (Double(c.shared) / Double(max(1, ticketTokens)))
        s += w[1] * (Double(c.shared) / Double(max(1, c.tokenIDs.count)))
        s += w[2] * (1 / Double(max(1, c.sentence.articleRank)))
        s += w[3] * (1 / Double(1 + c.sentence.position))
        s += w[4] * (c.hasSlot ? 1 : 0)
        s += w[5] * min(1, Double(c.words) / 25)
        s += w[6] * c.prior
        return s
    }

    /// Builds the candidate for an already provenance-tagged sentence, its tokens interned
    /// with `intern` (a local dictionary shared by the reply's sentences and its ticket).
    static func candidate(
        _ s: Reply.Sentence, ticketTokens: Set<String>, sortedTicketTokens: [String], prior: SentencePrior,
        intern: inout [String: Int32]
    ) -> SentenceCandidate {
        let toks = TextTokens.tokenSet(s.text)
        return SentenceCandidate(
            sentence: s, tokenIDs: internSorted(toks, &intern), words: TextTokens.wordCount(s.text),
            hasSlot: TextTokens.hasSlotValue(s.text),
            prior: prior.isEmpty
                ? 0 : prior.value(key: SentencePrior.key(s.article, s.position), sortedTokens: sortedTicketTokens),
            shared: sharedCount(toks, ticketTokens))
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
    ) -> (pool: [SentenceCandidate], textIDs: [Int], rankStart: [Int], ticketIDs: [Int32]) {
        var out: [SentenceCandidate] = []
        var textIDs: [Int] = []
        var rankStart: [Int] = []
        // analyse first, so every token of the pool is interned before the ticket's are looked up
        let (analyses, ticketIDs) = cache.analyses(of: articles.prefix(depth), knownIDsOf: ticketWords.sorted)
        let ticketPrior = TicketPrior(prior, compiled: compiled, ticketWords: ticketWords)
        let sentenceCount = analyses.reduce(0) { $0 + $1.sentences.count }
        out.reserveCapacity(sentenceCount)
        textIDs.reserveCapacity(sentenceCount)
        for (i, article) in articles.prefix(depth).enumerated() {
            rankStart.append(out.count)
            let sentences = analyses[i].sentences
            for p in sentences.indices {
                let s = Reply.Sentence(text: sentences[p].text, article: article.id, articleRank: i + 1, position: p)
                out.append(candidate(s, analyzed: sentences[p], ticketIDs: ticketIDs, prior: ticketPrior))
                textIDs.append(sentences[p].textID)
            }
        }
        return (out, textIDs, rankStart, ticketIDs)
    }

    /// The candidate for sentence `s` from its cached analysis `a`, against the ticket's
    /// interned token ids and prior reading.
    static func candidate(
        _ s: Reply.Sentence, analyzed a: AnalyzedSentence, ticketIDs: [Int32], prior: TicketPrior
    ) -> SentenceCandidate {
        SentenceCandidate(
            sentence: s, tokenIDs: a.tokenIDs, words: a.words, hasSlot: a.hasSlot,
            prior: prior.value(keyID: a.priorKeyID, article: s.article, position: s.position),
            shared: SortedIDs.overlap(a.tokenIDs, ticketIDs))
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
    /// ``CompiledPrior/ticketWords(sorted:)`` and their signature masks (compiled path only).
    let words: [Int32]
    let masks: [(index: Int, mask: UInt64)]

    init(_ prior: SentencePrior, compiled: CompiledPrior?, ticketWords: TicketWords) {
        self.prior = prior
        self.compiled = prior.isEmpty ? nil : compiled
        tokenCount = ticketWords.sorted.count
        sortedTokens = !prior.isEmpty && compiled == nil ? ticketWords.sorted : []
        words = prior.isEmpty ? [] : compiled?.ticketWords(sorted: ticketWords.sorted) ?? []
        masks = self.compiled?.signatureMasks(words) ?? []
    }

    /// The prior of the sentence at `position` of `article` (prior-key id `keyID`).
    func value(keyID: Int32, article: ArticleID, position: Int) -> Double {
        if prior.isEmpty { return 0 }
        if let compiled {
            return compiled.value(
                keyID: keyID, words: words, masks: masks, tokenCount: tokenCount, smoothing: prior.smoothing)
        }
        return prior.value(key: SentencePrior.key(article, position), sortedTokens: sortedTokens)
    }
}
