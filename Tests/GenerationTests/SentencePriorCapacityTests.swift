import FlywheelCore
import Testing

@testable import Generation

/// The sentence prior's capacity (`prior_words`): each sentence keeps its strongest words, the
/// compiled prior follows it exactly, and the whole prior stays bounded however many tickets
/// it learns from.
struct SentencePriorCapacityTests {
    @Test func aSentenceKeepsItsStrongestWordsTiesByWord() {
        var prior = SentencePrior()
        prior.record(article: "a1", position: 0, ticketTokens: ["refund", "card", "zeta"], weight: 1)
        prior.record(article: "a1", position: 0, ticketTokens: ["refund"], weight: 1)
        prior.record(article: "a1", position: 0, ticketTokens: ["zeta"], weight: -0.5)  // against counts too
        prior.record(article: "a1", position: 1, ticketTokens: ["x"], weight: 1)
        let forgotten = prior.forgetWeakest(of: ["a1#0", "a1#1", "a1#0"], keeping: 2)
        #expect(forgotten == ["a1#0"])  // a1#1 is within the capacity
        #expect(Set(prior.words(of: "a1#0")!.keys) == ["refund", "zeta"])  // 2 and 1.5 beat card's 1
        #expect(prior.words(of: "a1#1")!.keys.sorted() == ["x"])
        var tie = SentencePrior()
        tie.record(article: "a", position: 0, ticketTokens: ["b", "c", "a"], weight: 1)
        tie.forgetWeakest(of: ["a#0"], keeping: 2)
        #expect(tie.words(of: "a#0")!.keys.sorted() == ["a", "b"])
    }

    /// A sentence's words keep no more than an eighth of spare capacity (at least two) once
    /// recorded: an array grown by insertion would otherwise keep up to half its size spare.
    @Test func recordedWordsKeepLittleSpareCapacity() {
        var prior = SentencePrior()
        for i in 0..<100 {
            prior.record(article: "a", position: 0, ticketTokens: ["w\(i)", "v\(i % 7)"], weight: 1)
        }
        let words = prior.tallies["a#0"]!
        #expect(words.count == 107)
        #expect(words.keys.capacity <= 107 + 107 / 8)
        #expect(words.values.capacity <= 107 + 107 / 8)
        #expect(prior.words(of: "a#0")!["v3"]!.positive == 14)  // recorded at i = 3, 10, …, 94
    }

    @Test func capacityZeroKeepsEverything() {
        var prior = SentencePrior()
        prior.record(article: "a", position: 0, ticketTokens: (0..<16).map { "w\($0)" }, weight: 1)
        let before = prior
        #expect(prior.forgetWeakest(of: ["a#0"], keeping: 0).isEmpty)
        #expect(prior == before)
    }

    /// After forgetting, the incrementally compiled prior still gives the string-keyed values
    /// bit for bit, and keeps no row for a forgotten word.
    @Test func compiledPriorFollowsWhatWasForgotten() {
        for trial in 0..<4 {
            var rng = RandomStream(seed: UInt64(trial), purpose: "prior-capacity")
            var prior = SentencePrior()
            let cache = ArticleAnalysisCache()
            var incremental: CompiledPrior?
            for round in 0..<6 {
                let touched = CompiledPriorTests.record(into: &prior, rng: &rng, count: 1 + rng.int(below: 30))
                let forgotten = prior.forgetWeakest(of: touched, keeping: 5)
                #expect(prior.mostWordsPerSentence <= 5)
                incremental = CompiledPrior(
                    updating: incremental, prior: prior, touched: touched, forgotten: forgotten, cache: cache)
                CompiledPriorTests.expectSameValues(incremental!, prior, cache: cache, seed: UInt64(10 * trial + round))
                // rows: the distinct words of each article's sentences, no more
                for (article, t) in incremental!.tableOfArticle {
                    let words = Set(
                        prior.tallies.filter { SentencePrior.split($0.key)?.article == article }.flatMap(\.value.keys))
                    #expect(incremental!.tables[t].rowWords.count == words.count, "\(article)")
                }
            }
        }
    }

    /// A generator retrained on a long stream of tickets whose words are mostly new (names,
    /// order numbers) holds at most `prior_words` words per sentence, while the unbounded one
    /// keeps growing; the default is bounded.
    @Test func retrainingBoundsThePriorWhateverTheStream() {
        let kb = TinyKnowledgeBase.articles
        var bounded = GenerationConfig()
        bounded.priorWords = 8
        var capped = ExtractiveGenerator(config: bounded)
        var keepAll = GenerationConfig()
        keepAll.priorWords = 0
        var unbounded = ExtractiveGenerator(config: keepAll)
        var rng = RandomStream(seed: 11, purpose: "prior-capacity-stream")
        for round in 0..<5 {
            var adoptions: [AdoptionExample] = []
            for i in 0..<40 {
                let ticket = Ticket(
                    id: TicketID("t\(round)-\(i)"), createdAt: TinyKnowledgeBase.ticket.createdAt,
                    text: "refund for order n\(rng.int(below: 1_000_000)) customer c\(rng.int(below: 1_000_000))")
                let reply = capped.baseline(for: ticket, articles: kb)
                adoptions.append(
                    AdoptionExample(
                        ticket: ticket, reply: reply,
                        annotation: AdoptionAnnotation(ticket: ticket.id, agent: "a", outcome: .used)))
            }
            capped = capped.retrained(preferences: [], adoptions: adoptions)
            unbounded = unbounded.retrained(preferences: [], adoptions: adoptions)
        }
        #expect(capped.prior.mostWordsPerSentence <= 8)
        #expect(GenerationConfig().priorWords > 0)
        #expect(unbounded.prior.mostWordsPerSentence > 100)
        // the words every ticket shares survive with their full evidence
        let key = capped.prior.tallies.keys.sorted().first!
        #expect(capped.prior.words(of: key)!["refund"] == unbounded.prior.words(of: key)!["refund"])
    }

    /// Words are interned as the prior learns them and never forgotten by its vocabulary, so a
    /// long stream of new words (names, order numbers) would grow it without bound; the prior
    /// replaces it with one of the words it still has once it holds more than twice the words of
    /// the last compaction, and the compiled prior, compiled afresh then, keeps the values.
    @Test func theVocabularyStaysWithinAFactorOfThePrior() {
        var rng = RandomStream(seed: 5, purpose: "prior-interner")
        var prior = SentencePrior()
        let cache = ArticleAnalysisCache()
        var compiled: CompiledPrior?
        var compactions = 0
        for round in 0..<60 {
            var touched: [String] = []
            for i in 0..<200 {
                let article = CompiledPriorTests.articles[i % CompiledPriorTests.articles.count]
                let key = SentencePrior.key(article, (i / 6) % 12)  // 72 sentences
                prior.record(
                    article: article, position: (i / 6) % 12,
                    ticketTokens: ["refund", "r\(round)-\(i)-\(rng.int(below: 1000))"],
                    weight: Double(round + 1))  // each round's words outweigh the last's, so they are kept
                touched.append(key)
            }
            let forgotten = prior.forgetWeakest(of: touched, keeping: 4)
            if prior.needsCompaction {
                let before = prior
                prior.compactVocabulary()
                compactions += 1
                #expect(prior == before)  // the same evidence by word, renumbered
                #expect(prior.vocabulary.count == prior.distinctWords)
                #expect(compiled?.canUpdate(to: prior) == false)
            }
            if let base = compiled, base.canUpdate(to: prior) {
                compiled = CompiledPrior(
                    updating: base, prior: prior, touched: touched, forgotten: forgotten, cache: cache)
            } else {
                compiled = CompiledPrior(prior, cache: cache)
            }
            // at most one round's new words past the threshold
            #expect(prior.vocabulary.count <= 2 * prior.compactedWords + 4_096 + 200)
        }
        #expect(compactions > 1)  // compacted more than once over 12,000 new words
        #expect(prior.vocabulary.count < 8_000)
        CompiledPriorTests.expectSameValues(compiled!, prior, cache: cache, seed: 3)
        CompiledPriorTests.expectValuesOfTheWords(prior, seed: 4)
    }
}
