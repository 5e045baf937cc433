import FlywheelCore
import Testing

@testable import Generation

/// The per-article analysis cache is a pure memo: it never changes a suggestion.

@Test func aWarmCacheGivesTheSameCandidatesAsAFreshGenerator() {
    let warm = ExtractiveGenerator()
    var r0 = RandomStream(seed: 3, purpose: "cache-test")
    _ = warm.candidates(for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles, rng: &r0)
    var r1 = RandomStream(seed: 9, purpose: "cache-test")
    var r2 = RandomStream(seed: 9, purpose: "cache-test")
    let fromWarm = warm.candidates(for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles, rng: &r1)
    let fromFresh = ExtractiveGenerator().candidates(
        for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles, rng: &r2)
    #expect(fromWarm == fromFresh)
}

@Test func anArticleWhoseBodyChangedIsAnalysedAgain() {
    let cache = ArticleAnalysisCache()
    let before = Article(id: "kb-1", title: "Refunds", body: "Refunds take 5 days. Ask us!")
    let after = Article(id: "kb-1", title: "Refunds", body: "Refunds take 7 days.")
    #expect(cache.analysis(of: before).sentences.map(\.text) == ["Refunds take 5 days.", "Ask us!"])
    let sentences = cache.analysis(of: after).sentences
    #expect(sentences.map(\.text) == ["Refunds take 7 days."])
    #expect(sentences[0].hasSlot && sentences[0].words == 4 && sentences[0].tokenIDs.count == 4)  // refund, take, 5, day
}

@Test func equalTextsGetEqualIDsAcrossArticles() {
    let cache = ArticleAnalysisCache()
    let a = cache.analysis(of: Article(id: "a", title: "", body: "Same line.\nOther A."))
    let b = cache.analysis(of: Article(id: "b", title: "", body: "Other B.\nSame line."))
    #expect(a.sentences[0].textID == b.sentences[1].textID)
    #expect(a.sentences[1].textID != b.sentences[0].textID)
}

@Test func ticketWordsAreTheDistinctTokensInStringOrderOnceMemoised() {
    for text in ["Refunds for my refund, please: 2 cards!", "", "Café crème costs 4€", "the THE The"] {
        let expected = TextTokens.tokenSet(text).sorted()
        #expect(TicketWords(text).sorted == expected)
        let cache = ArticleAnalysisCache()
        #expect(cache.ticketWords.value(text).sorted == expected)
        #expect(cache.ticketWords.value(text) === cache.ticketWords.value(text))  // computed once per cache
        #expect(ArticleAnalysisCache().ticketWords.value(text) !== cache.ticketWords.value(text))  // not shared
    }
}

/// Caches are per generator lineage, not process-wide: a run's (a job's) analyses and interned
/// words are freed with its generators, and two tests never share them.
@Test func eachGeneratorHasItsOwnCacheWhichItsRetrainedCopiesShare() {
    let a = ExtractiveGenerator(), b = ExtractiveGenerator()
    #expect(a.analysis !== b.analysis)
    let given = ArticleAnalysisCache()
    #expect(ExtractiveGenerator(analysis: given).analysis === given)
    #expect(a.retrained(preferences: [], adoptions: []).analysis === a.analysis)
}

/// An article's sentences' token ids are also kept in one buffer, from which the pool reads each
/// sentence's token count and its tokens shared with the ticket: the counts of its own list.
@Test func anArticlesTokenBufferGivesEachSentencesCountAndSharedTokens() {
    let cache = ArticleAnalysisCache()
    let analysis = cache.analysis(
        of: Article(id: "kb-1", title: "", body: "Refunds take 5 days.\nCards are charged.\nAsk us!\nRefund cards."))
    let ticket = cache.knownIDs(["refund", "card", "tomorrow"])
    var counts: [Int] = [], shared: [Int] = []
    analysis.tokenCounts(sharedWith: TokenBits(ticket), counts: &counts, shared: &shared)
    #expect(counts == analysis.sentences.map(\.tokenIDs.count))
    #expect(shared == analysis.sentences.map { SortedIDs.overlap($0.tokenIDs, ticket) })
    #expect(shared == [1, 1, 0, 2])  // refund; card; none ("ask"); refund and card
    #expect(Array(analysis.tokens) == analysis.sentences.flatMap(\.tokenIDs))
}
