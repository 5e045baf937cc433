import FlywheelCore
import Testing

@testable import Retrieval

/// The learned retriever's attached score parts (``FirstStageParts``): the same list as a plain
/// search, the same parts as scoring every article again, and read by a reranker only from the
/// state that made them.
struct FirstStagePartsTests {
    static let kb = (0..<40).map { i in
        Article(
            id: ArticleID("a\(i)"), title: "Topic \(i % 5) policy \(i)",
            body: "This policy covers topic \(i % 5) and case \(i % 7) for orders, refunds and cards \(i % 3).")
    }

    /// A retriever taught by seeded random marks (both ways, so both learned fields fill).
    static func trained(strength: Double, demotion: Double, seed: UInt64) -> LearnedRetriever {
        var retriever = LearnedRetriever(
            index: BM25Index(articles: kb),
            model: ExpansionModel(configuration: ExpansionConfiguration(strength: strength, demotion: demotion)))
        var rng = RandomStream(seed: seed, purpose: "first-stage-parts")
        var tickets: [TicketID: Ticket] = [:]
        var marks: [RelevanceAnnotation] = []
        for k in 0..<60 {
            let t = Ticket(
                id: TicketID("t\(k)"), createdAt: Timestamp(secondsSinceEpoch: 0),
                text: "topic \(rng.int(below: 5)) question about case \(rng.int(below: 7)) refunds")
            tickets[t.id] = t
            for _ in 0..<4 {
                let a = ArticleID("a\(rng.int(below: kb.count))")
                marks.append(
                    RelevanceAnnotation(ticket: t.id, agent: "ag", article: a, rank: 1, relevant: rng.bernoulli(0.5)))
            }
        }
        retriever.retrain(with: marks, tickets: tickets)
        return retriever
    }

    static let probes = [
        "topic 3 refunds", "policy case 4 cards", "orders", "question about case 2", "nothing matches",
        "this policy covers topic 2 and case 5 for orders", "refunds and cards 1 topic 4 policy 14"
    ]
    .enumerated().map { Ticket(id: TicketID("p\($0)"), createdAt: Timestamp(secondsSinceEpoch: 0), text: $1) }

    @Test(arguments: [(0.0, 0.0), (0.3, 0.0), (1.0, 0.5)])
    func attachedPartsAreTheScoreVectorsOfTheListedDocuments(strength: Double, demotion: Double) throws {
        let retriever = Self.trained(strength: strength, demotion: demotion, seed: 3)
        for ticket in Self.probes {
            for depth in [1, 8, 75] {
                let plain = retriever.retrieve(ticket, depth: depth)
                let attached = retriever.retrieve(ticket, depth: depth, attachingParts: true)
                #expect(attached == plain)
                #expect(plain.attachment == nil)
                let parts = try #require(attached.attachment as? FirstStageParts)
                let all = retriever.scoreVectors(terms: retriever.index.analyzer.queryTerms(ticket.text))
                #expect(parts.documents.count == plain.count)
                #expect(parts.distinctTerms == all.distinctTerms)
                for (i, doc) in parts.documents.enumerated() {
                    let d = Int(doc)
                    #expect(retriever.index.articles[d].id == plain.entries[i].article)
                    // bit for bit, not within a tolerance
                    #expect(parts.bm25[i].bitPattern == all.bm25[d].bitPattern)
                    #expect(parts.expansion[i].bitPattern == all.expansion[d].bitPattern)
                    #expect(parts.demotion[i].bitPattern == all.demotion[d].bitPattern)
                    #expect(parts.matchedTerms[i] == all.matchedTerms[d])
                }
            }
        }
    }

    @Test func rerankerFeaturesAreTheSameWithAttachedParts() {
        let retriever = Self.trained(strength: 0.3, demotion: 0.5, seed: 5)
        let reranker = PairwiseReranker(retriever: retriever)
        for ticket in Self.probes {
            let plain = retriever.retrieve(ticket, depth: 75)
            let attached = retriever.retrieve(ticket, depth: 75, attachingParts: true)
            let withParts = RerankFeatureExtractor(
                ticket: ticket, retriever: retriever, priors: reranker.priors,
                priorByDocument: reranker.priorByDocument, candidates: attached)
            #expect(withParts.attached != nil && withParts.parts == nil)
            let without = RerankFeatureExtractor(
                ticket: ticket, retriever: retriever, priors: reranker.priors,
                priorByDocument: reranker.priorByDocument, candidates: plain)
            #expect(without.attached == nil && without.parts != nil)
            // no candidates: every feature computed article by article (the bigram scan)
            let scanning = RerankFeatureExtractor(
                ticket: ticket, retriever: retriever, priors: reranker.priors,
                priorByDocument: reranker.priorByDocument)
            #expect(scanning.bigramMasks == nil)
            for (i, entry) in plain.entries.enumerated() {
                let expected = scanning.features(entry.article, rank: i + 1)
                #expect(withParts.features(entry.article, rank: i + 1) == expected)
                #expect(without.features(entry.article, rank: i + 1) == expected)
            }
        }
    }

    @Test func partsFromAnotherStateOrAnotherListAreNotRead() {
        let retriever = Self.trained(strength: 0.3, demotion: 0, seed: 7)
        var published = retriever
        published.publish(Article(id: "new", title: "Topic 3 news", body: "Refunds for topic 3 are new."))
        let ticket = Self.probes[0]
        let attached = retriever.retrieve(ticket, depth: 75, attachingParts: true)
        // a retriever that published since: another compiled state
        #expect(RerankFeatureExtractor.attachedParts(of: attached, retriever: published) == nil)
        #expect(RerankFeatureExtractor.attachedParts(of: attached, retriever: retriever) != nil)
        // a copy shares the state
        let copy = retriever
        #expect(RerankFeatureExtractor.attachedParts(of: attached, retriever: copy) != nil)
        // the parts describe positions: a reordered list does not match them
        var reordered = attached
        reordered.entries.reverse()
        #expect(RerankFeatureExtractor.attachedParts(of: reordered, retriever: retriever) == nil)
        // a prefix keeps its positions
        #expect(RerankFeatureExtractor.attachedParts(of: attached.prefix(8), retriever: retriever) != nil)
    }

    @Test func bigramPostingsFollowPublicationAndReplacement() {
        var index = BM25Index(articles: Array(Self.kb.prefix(30)))
        index.publish(contentsOf: Array(Self.kb.suffix(10)))
        // a replacement: the old text's pairs go, the new text's come
        index.publish(Article(id: "a3", title: "Topic 3 news", body: "Cards for topic 3 are new."))
        var rebuilt = Self.kb
        rebuilt[3] = Article(id: "a3", title: "Topic 3 news", body: "Cards for topic 3 are new.")
        let fresh = BM25Index(articles: rebuilt)
        func byArticle(_ i: BM25Index) -> [String: Set<String>] {
            var out: [String: Set<String>] = [:]
            for (g, docs) in i.bigramDocs {
                let pair = "\(i.vocabulary[Int(g >> 32)]) \(i.vocabulary[Int(Int32(truncatingIfNeeded: g))])"
                for d in docs { out[i.articles[Int(d)].id.rawValue, default: []].insert(pair) }
            }
            return out
        }
        #expect(byArticle(index) == byArticle(fresh))
        #expect(index.bigramDocs.values.allSatisfy { !$0.isEmpty && Set($0).count == $0.count })
        // the flat distinct-title lists give the per-title computation's shares
        let retriever = LearnedRetriever(index: index)
        for text in Self.probes.map(\.text) {
            let extractor = RerankFeatureExtractor(
                ticket: Ticket(id: "p", createdAt: Timestamp(secondsSinceEpoch: 0), text: text), retriever: retriever,
                priors: ArticlePriors(), priorByDocument: [Double](repeating: 0, count: index.documentCount))
            let query = Set(index.analyzer.queryTerms(text).compactMap { index.termIDs[$0] })
            for d in 0..<index.documentCount {
                let distinct = Set(index.titleTerms[d])
                let expected =
                    distinct.isEmpty ? 0 : Double(distinct.intersection(query).count) / Double(distinct.count)
                #expect(extractor.titleOverlap(document: d) == expected)
            }
        }
    }
}
