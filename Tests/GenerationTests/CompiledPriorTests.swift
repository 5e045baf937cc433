import FlywheelCore
import Testing

@testable import Generation

/// The compiled sentence prior gives the string-keyed prior's values bit for bit, whether
/// compiled at once or retraining by retraining, sentence by sentence or an article at a time.
struct CompiledPriorTests {
    static let words = (0..<40).map { "w\($0)" }
    static let articles = (0..<6).map { ArticleID("art#\($0)") }  // "#" inside an id, on purpose

    /// One round of seeded random evidence; returns the keys it touched.
    static func record(into prior: inout SentencePrior, rng: inout RandomStream, count: Int) -> [String] {
        var touched: [String] = []
        for _ in 0..<count {
            let article = articles[rng.int(below: articles.count)]
            let position = rng.int(below: 12)
            let tokens = (0..<(1 + rng.int(below: 20))).map { _ in words[rng.int(below: words.count)] }
            let weight = [1, 0.5, -1, -0.5, 0.25][rng.int(below: 5)]
            prior.record(article: article, position: position, ticketTokens: tokens, weight: weight)
            touched.append(SentencePrior.key(article, position))
        }
        return touched
    }

    static func expectSameValues(
        _ compiled: CompiledPrior, _ prior: SentencePrior, cache: ArticleAnalysisCache, seed: UInt64
    ) {
        var rng = RandomStream(seed: seed, purpose: "compiled-prior-tickets")
        for _ in 0..<30 {
            let ticket = Set(
                (0..<(1 + rng.int(below: 25))).map { _ in words[rng.int(below: words.count)] } + ["unseen"])
            let sorted = ticket.sorted()
            let known = compiled.ticketWords(sorted: sorted)
            for article in articles {
                var row: [Double] = []
                compiled.values(
                    firstKeyID: cache.priorKeyID(SentencePrior.key(article, 0)), count: 14, words: known,
                    tokenCount: sorted.count, smoothing: prior.smoothing, into: &row)
                #expect(row.count == 14)
                for p in 0..<14 {
                    let key = SentencePrior.key(article, p)
                    let expected = prior.value(key: key, sortedTokens: sorted)
                    let one = compiled.value(
                        keyID: cache.priorKeyID(key), words: known, tokenCount: sorted.count, smoothing: prior.smoothing
                    )
                    #expect(one.bitPattern == expected.bitPattern, "\(key)")
                    #expect(row[p].bitPattern == expected.bitPattern, "\(key)")
                }
            }
        }
    }

    /// The prior's values against a sum over its word → tally dictionaries (``SentencePrior/words(of:)``),
    /// written out here: the ticket's words in ascending order, each with a tally adding it.
    static func expectValuesOfTheWords(_ prior: SentencePrior, seed: UInt64) {
        var rng = RandomStream(seed: seed, purpose: "prior-word-tickets")
        for _ in 0..<30 {
            let sorted = Set(
                (0..<(1 + rng.int(below: 25))).map { _ in words[rng.int(below: words.count)] } + ["unseen"]
            ).sorted()
            for article in articles {
                for p in 0..<14 {
                    let key = SentencePrior.key(article, p)
                    var net = 0.0, total = 0.0
                    let byWord = prior.words(of: key) ?? [:]
                    for t in sorted {
                        guard let tally = byWord[t] else { continue }
                        net += tally.positive - tally.negative
                        total += tally.positive + tally.negative
                    }
                    let expected = total == 0 ? 0 : net / (total + prior.smoothing * Double(sorted.count))
                    #expect(prior.value(key: key, sortedTokens: sorted).bitPattern == expected.bitPattern, "\(key)")
                }
            }
        }
    }

    @Test func compiledValuesEqualTheStringKeyedPrior() {
        for trial in 0..<5 {
            var rng = RandomStream(seed: UInt64(trial), purpose: "compiled-prior")
            var prior = SentencePrior()
            let cache = ArticleAnalysisCache()
            var incremental: CompiledPrior?
            for round in 0..<6 {
                let touched = Self.record(into: &prior, rng: &rng, count: 1 + rng.int(below: 30))
                incremental = CompiledPrior(updating: incremental, prior: prior, touched: touched, cache: cache)
                Self.expectSameValues(incremental!, prior, cache: cache, seed: UInt64(100 * trial + round))
                Self.expectSameValues(CompiledPrior(prior, cache: cache), prior, cache: cache, seed: UInt64(round))
                Self.expectValuesOfTheWords(prior, seed: UInt64(round))
            }
        }
    }

    /// The compiled prior is sparse: one entry per (sentence, word) the prior holds, however
    /// wide the article, at every step of incremental compiling and after forgetting.
    @Test func compiledPriorHoldsOneEntryPerSentenceAndWord() {
        var rng = RandomStream(seed: 7, purpose: "compiled-prior-sparse")
        var prior = SentencePrior()
        let cache = ArticleAnalysisCache()
        var incremental: CompiledPrior?
        for round in 0..<8 {
            let touched = Self.record(into: &prior, rng: &rng, count: 1 + rng.int(below: 30))
            let forgotten = round.isMultiple(of: 2) ? prior.forgetWeakest(of: touched, keeping: 6) : []
            incremental = CompiledPrior(
                updating: incremental, prior: prior, touched: touched, forgotten: forgotten, cache: cache)
            #expect(incremental!.entryCount == prior.entryCount)
            #expect(CompiledPrior(prior, cache: cache).entryCount == prior.entryCount)
            // its tallies are the prior's own words, sentence by sentence (no copy of its own)
            for (article, t) in incremental!.tableOfArticle {
                for (p, words) in incremental!.tables[t].sentences.enumerated() {
                    #expect(words == prior.tallies[SentencePrior.key(article, p)] ?? SentencePrior.Words())
                }
            }
        }
        // one word of the last sentence of a wide article: one entry, not a row of its width
        var one = SentencePrior()
        one.record(article: "wide", position: 30, ticketTokens: ["refund"], weight: 1)
        let compiled = CompiledPrior(one, cache: cache)
        #expect(compiled.entryCount == 1)
        #expect(compiled.tables[0].entry(0) == (position: 30, index: 0))
        #expect(compiled.tables[0].width == 31)
        #expect(compiled.tables[0].sentences[30] == one.tallies["wide#30"])
    }

    /// An entry packs its sentence position above its tally index, with as many bits as the
    /// article needs: a sentence of 300 words at position 1,000 (10 + 9 bits) reads back whole.
    @Test func entriesPackPositionAndIndexWithTheBitsTheArticleNeeds() {
        let cache = ArticleAnalysisCache()
        var prior = SentencePrior()
        let many = (0..<300).map { "w\($0)" }
        for chunk in stride(from: 0, to: many.count, by: 10) {
            prior.record(
                article: "long", position: 1_000, ticketTokens: Array(many[chunk..<chunk + 10]), weight: 1)
        }
        prior.record(article: "long", position: 3, ticketTokens: ["w7", "refund"], weight: -0.5)
        let compiled = CompiledPrior(prior, cache: cache)
        let table = compiled.tables[0]
        #expect(compiled.entryCount == 302)
        #expect(table.indexBits == 9)
        let entries = (0..<table.entryCount).map { table.entry($0) }
        #expect(Set(entries.map(\.position)) == [3, 1_000])
        #expect(entries.filter { $0.position == 1_000 }.map(\.index).sorted() == Array(0..<300))
        for tokens in [["w7"], ["refund", "w7"], ["w299", "w3", "nothing"]] {
            for p in [3, 1_000] {
                let key = SentencePrior.key("long", p)
                let expected = prior.value(key: key, sortedTokens: tokens.sorted())
                let value = compiled.value(
                    keyID: cache.priorKeyID(key), words: compiled.ticketWords(sorted: tokens.sorted()),
                    tokenCount: tokens.count, smoothing: prior.smoothing)
                #expect(value.bitPattern == expected.bitPattern, "\(key) \(tokens)")
            }
        }
    }

    @Test func keysSplitAtTheirLastHash() {
        #expect(SentencePrior.split(SentencePrior.key(ArticleID("a#b"), 12))! == ("a#b", 12))
        #expect(SentencePrior.split("no-position") == nil)
        #expect(SentencePrior.split("a#x") == nil)
    }
}
