import FlywheelCore

/// One candidate sentence for a ticket, with what the generator knows about it: its provenance,
/// its content tokens, and the features the sentence scorer weighs.
struct SentenceCandidate: Sendable {
    var sentence: Reply.Sentence
    var tokens: Set<String>
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
            Double(c.shared) / Double(max(1, c.tokens.count)),
            1 / Double(max(1, c.sentence.articleRank)),
            1 / Double(1 + c.sentence.position),
            c.hasSlot ? 1 : 0,
            min(1, Double(c.words) / 25),
            c.prior,
        ]
    }

    /// Builds the candidate for an already provenance-tagged sentence.
    static func candidate(_ s: Reply.Sentence, ticketTokens: Set<String>, prior: SentencePrior) -> SentenceCandidate {
        candidate(s, ticketTokens: ticketTokens, sortedTicketTokens: prior.isEmpty ? [] : ticketTokens.sorted(), prior: prior)
    }

    /// ``candidate(_:ticketTokens:prior:)`` with the ticket's tokens already sorted (once per
    /// reply rather than once per sentence).
    static func candidate(
        _ s: Reply.Sentence, ticketTokens: Set<String>, sortedTicketTokens: [String], prior: SentencePrior
    ) -> SentenceCandidate {
        let toks = TextTokens.tokenSet(s.text)
        return SentenceCandidate(
            sentence: s, tokens: toks, words: TextTokens.wordCount(s.text),
            hasSlot: TextTokens.hasSlotValue(s.text),
            prior: prior.isEmpty
                ? 0 : prior.value(key: SentencePrior.key(s.article, s.position), sortedTokens: sortedTicketTokens),
            shared: sharedCount(toks, ticketTokens))
    }

    /// Every sentence of the first `depth` articles, tagged with rank and position, from the
    /// articles' cached analysis; also each sentence's interned text id and where each
    /// article's sentences start in the pool.
    static func pool(
        articles: [Article], depth: Int, ticketTokens: Set<String>, prior: SentencePrior,
        cache: ArticleAnalysisCache
    ) -> (pool: [SentenceCandidate], textIDs: [Int], rankStart: [Int]) {
        var out: [SentenceCandidate] = []
        var textIDs: [Int] = []
        var rankStart: [Int] = []
        let sortedTokens = prior.isEmpty ? [] : ticketTokens.sorted()
        // analyse first, so every token of the pool is interned before the ticket's are looked up
        let analyses = articles.prefix(depth).map { cache.analysis(of: $0) }
        let ticketIDs = cache.knownIDs(ticketTokens)
        for (i, article) in articles.prefix(depth).enumerated() {
            rankStart.append(out.count)
            for (p, a) in analyses[i].sentences.enumerated() {
                let s = Reply.Sentence(text: a.text, article: article.id, articleRank: i + 1, position: p)
                out.append(
                    SentenceCandidate(
                        sentence: s, tokens: a.tokens, words: a.words, hasSlot: a.hasSlot,
                        prior: prior.isEmpty ? 0 : prior.value(key: a.priorKey, sortedTokens: sortedTokens),
                        shared: ArticleAnalysisCache.overlap(a.tokenIDs, ticketIDs)))
                textIDs.append(a.textID)
            }
        }
        return (out, textIDs, rankStart)
    }

    /// `a.intersection(b).count` without building the intersection.
    static func sharedCount(_ a: Set<String>, _ b: Set<String>) -> Int {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var n = 0
        for t in small where large.contains(t) { n += 1 }
        return n
    }
}
