import Corpora
import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Retrieval

/// The first stage's pruned top-k (block-max over reordered documents, ``BlockMaxTopK``) lists
/// exactly what scoring every matching article lists: the same articles in the same order with
/// bit-identical scores, for plain BM25 and for the learned first stage (expansion and demotion
/// fields), on the committed corpora, on ties, on an index whose postings a replacement left out
/// of order, and on an index large enough that the default search prunes.
struct PrunedTopKTests {
    static let root = Repository.rootPath

    /// The corpus's articles and its first `count` tickets.
    static func corpus(_ name: String, tickets count: Int) throws -> (articles: [Article], tickets: [Ticket]) {
        let reader = try CorpusReader(directory: root + "/corpora/" + name, verifyChecksums: false)
        var stream = try reader.tickets()
        var tickets: [Ticket] = []
        while tickets.count < count, let record = try stream.next() { tickets.append(record.ticket) }
        return (try reader.articles(), tickets)
    }

    static func expectSame(
        _ pruned: [(document: Int, score: Float)], _ exhaustive: [(document: Int, score: Float)],
        _ context: String
    ) {
        #expect(pruned.map(\.document) == exhaustive.map(\.document), "\(context)")
        #expect(pruned.map(\.score.bitPattern) == exhaustive.map(\.score.bitPattern), "\(context)")
    }

    static func expectSame(_ pruned: [RankedList.Entry], _ exhaustive: [RankedList.Entry], _ context: String) {
        #expect(pruned.map(\.article) == exhaustive.map(\.article), "\(context)")
        #expect(pruned.map(\.score.bitPattern) == exhaustive.map(\.score.bitPattern), "\(context)")
    }

    @Test(arguments: ["ci-small", "marketplace"])
    func plainBM25ListsAreTheExhaustiveLists(corpus name: String) throws {
        let (articles, tickets) = try Self.corpus(name, tickets: 300)
        var index = BM25Index(articles: articles)
        index.preparePruning()
        for ticket in tickets {
            let terms = index.analyzer.terms(ticket.text)
            for depth in [1, 8, 75] {
                Self.expectSame(
                    index.searchDocumentsPruned(terms: terms, depth: depth),
                    index.searchDocumentsExhaustive(terms: terms, depth: depth), "\(name) \(ticket.id) depth \(depth)")
            }
        }
    }

    /// A learned retriever taught by seeded random marks on the corpus's own lists (both labels,
    /// so the expansion and the demotion field both fill), then queried with unseen tickets.
    @Test(arguments: ["ci-small", "marketplace"], [(0.3, 0.0), (1.0, 0.5)])
    func learnedListsAndPartsAreTheExhaustiveOnes(corpus name: String, fields: (strength: Double, demotion: Double))
        throws
    {
        let (articles, tickets) = try Self.corpus(name, tickets: 500)
        var retriever = LearnedRetriever(
            index: BM25Index(articles: articles),
            model: ExpansionModel(
                configuration: ExpansionConfiguration(strength: fields.strength, demotion: fields.demotion)))
        var rng = RandomStream(seed: 15, purpose: "pruned-top-k")
        var marks: [RelevanceAnnotation] = []
        var byID: [TicketID: Ticket] = [:]
        for ticket in tickets.prefix(300) {
            byID[ticket.id] = ticket
            let list = retriever.retrieve(ticket, depth: 75)
            // the top ranks, where an agent looks: articles recur across tickets, so terms
            // gather enough evidence to enter the learned fields
            for _ in 0..<4 where !list.entries.isEmpty {
                let rank = rng.int(below: min(3, list.entries.count))
                marks.append(
                    RelevanceAnnotation(
                        ticket: ticket.id, agent: "ag", article: list.entries[rank].article, rank: rank + 1,
                        relevant: rng.bernoulli(0.5)))
            }
        }
        retriever.retrain(with: marks, tickets: byID)
        retriever.preparePruning()
        #expect(retriever.expansionField.flat.docs.count > 0)
        if fields.demotion > 0 { #expect(retriever.demotionField.flat.docs.count > 0) }
        for ticket in tickets.dropFirst(300) {
            let terms = retriever.index.analyzer.queryTerms(ticket.text)
            for depth in [8, 75] {
                Self.expectSame(
                    retriever.searchPruned(terms: terms, depth: depth), retriever.search(terms: terms, depth: depth),
                    "\(name) \(ticket.id) depth \(depth)")
            }
            let pruned = retriever.retrievePruned(ticket, depth: 75)
            let exhaustive = retriever.retrieve(ticket, depth: 75, attachingParts: true)
            Self.expectSame(pruned.entries, exhaustive.entries, "\(name) \(ticket.id) with parts")
            let p = try #require(pruned.attachment as? FirstStageParts)
            let e = try #require(exhaustive.attachment as? FirstStageParts)
            #expect(p.documents == e.documents)
            #expect(p.bm25.map(\.bitPattern) == e.bm25.map(\.bitPattern))
            #expect(p.expansion.map(\.bitPattern) == e.expansion.map(\.bitPattern))
            #expect(p.demotion.map(\.bitPattern) == e.demotion.map(\.bitPattern))
            #expect(p.matchedTerms == e.matchedTerms)
            #expect(p.distinctTerms == e.distinctTerms)
        }
    }

    /// 100 articles with one text: every score ties, and the 75 kept are those with the highest
    /// ids, as trec_eval would order them.
    @Test func tiesAtTheCutOffGoByArticleIDDescending() {
        let digits = { (i: Int) in String(repeating: "0", count: 3 - String(i).count) + String(i) }
        let kb = (0..<100).map {
            Article(id: ArticleID("a" + digits($0)), title: "Refund policy", body: "How refunds work.")
        }
        var index = BM25Index(articles: kb.reversed())
        index.preparePruning()
        let pruned = index.searchDocumentsPruned(terms: index.analyzer.terms("refund policy"), depth: 75).map {
            RankedList.Entry(article: index.articleID(ofDocument: $0.document), score: Double($0.score))
        }
        #expect(pruned.map(\.article) == (25..<100).reversed().map { ArticleID("a" + digits($0)) })
        Self.expectSame(
            index.searchDocumentsPruned(terms: ["refund"], depth: 75),
            index.searchDocumentsExhaustive(terms: ["refund"], depth: 75),
            "ties")
    }

    /// Replacing an article re-appends its postings after later documents; the flat postings
    /// are re-sorted, and the lists stay the exhaustive ones.
    @Test func replacedArticlesKeepTheListsExact() {
        var index = BM25Index(articles: FirstStagePartsTests.kb)
        index.preparePruning()  // before the replacements: publication keeps it current
        index.publish(Article(id: "a3", title: "Topic 3 refunds", body: "Refunds and cards for topic 3 orders."))
        index.publish(Article(id: "a0", title: "Orders", body: "Orders and refunds policy case 2."))
        for text in FirstStagePartsTests.probes.map(\.text) {
            let terms = index.analyzer.terms(text)
            for depth in [1, 5, 75] {
                Self.expectSame(
                    index.searchDocumentsPruned(terms: terms, depth: depth),
                    index.searchDocumentsExhaustive(terms: terms, depth: depth), "\(text) depth \(depth)")
            }
        }
        let flat = index.flat
        for t in 0..<(flat.starts.count - 1) {
            let docs = flat.docs[flat.starts[t]..<flat.starts[t + 1]]
            #expect(zip(docs, docs.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    /// A seeded synthetic knowledge base of `count` short articles: each mixes a topic's words
    /// (20 topics of 6 words) with 4 of 40 shared words, so documents of a topic resemble each
    /// other and every query matches most documents, as tickets do.
    static func syntheticArticles(_ count: Int, seed: UInt64) -> [Article] {
        var rng = RandomStream(seed: seed, purpose: "block-max-kb")
        return (0..<count).map { i in
            let topic = rng.int(below: 20)
            let words =
                (0..<4).map { _ in "t\(topic)w\(rng.int(below: 6))" } + (0..<4).map { _ in "c\(rng.int(below: 40))" }
            return Article(id: ArticleID(String(format: "k%05d", i)), title: "", body: words.joined(separator: " "))
        }
    }

    /// From ``BM25Index/blockMaxFromDocuments`` articles on, the default search prunes (without
    /// ``BM25Index/preparePruning()``) and still lists exactly what scoring every document lists,
    /// also after a publication; below it the index keeps no block layout.
    @Test func largeIndexesPruneByDefaultWithTheSameLists() {
        var index = BM25Index(articles: Self.syntheticArticles(BM25Index.blockMaxFromDocuments, seed: 3))
        #expect(index.usesBlockMaxByDefault)
        var rng = RandomStream(seed: 4, purpose: "block-max-queries")
        for round in 0..<2 {
            for q in 0..<60 {
                let topic = rng.int(below: 20)
                let terms =
                    (0..<3).map { _ in "t\(topic)w\(rng.int(below: 6))" }
                    + (0..<5).map { _ in "c\(rng.int(below: 40))" }
                for depth in [1, 75] {
                    Self.expectSame(
                        index.searchDocuments(terms: terms, depth: depth),
                        index.searchDocumentsExhaustive(terms: terms, depth: depth),
                        "round \(round) query \(q) depth \(depth)")
                }
            }
            index.publish(Article(id: "k00007", title: "t1w1 t1w2", body: "c3 c3 c5"))
        }
        let small = BM25Index(articles: Self.syntheticArticles(1_500, seed: 3))
        #expect(!small.usesBlockMaxByDefault && small.blockMax == nil)
    }

    /// Blocks: √n/2 rounded down to a power of two within 8...128 documents; the order is a
    /// permutation that puts documents of the same topic together (here: a 16-document block of
    /// the 1,500-document base holds fewer than half as many of the 20 topics on average as in
    /// publication order).
    @Test func documentBlocksGroupSimilarDocuments() throws {
        #expect(
            [100, 1_500, 5_000, 20_000, 100_000].map { DocumentBlocks.size(documentCount: $0) } == [8, 16, 32, 64, 128])
        let index = { () -> BM25Index in
            var index = BM25Index(articles: Self.syntheticArticles(1_500, seed: 5))
            index.preparePruning()
            return index
        }()
        let blocks = try #require(index.blockMax?.blocks)
        #expect(blocks.size == 16 && blocks.documentCount == 1_500)
        #expect(Set(blocks.docAt) == Set((0..<1_500).map(Int32.init)))
        #expect((0..<1_500).allSatisfy { Int(blocks.docAt[Int(blocks.positionOf[$0])]) == $0 })
        func topics(_ docs: some Sequence<Int32>) -> Int {
            Set(docs.map { index.articles[Int($0)].body.prefix(while: { $0 != "w" }) }).count
        }
        let reordered = stride(from: 0, to: 1_500, by: 16).map { topics(blocks.docAt[$0..<min($0 + 16, 1_500)]) }
        let natural = stride(from: 0, to: 1_500, by: 16).map { topics(Int32($0)..<Int32(min($0 + 16, 1_500))) }
        #expect(natural.reduce(0, +) > 2 * reordered.reduce(0, +), "topics per block: \(reordered) vs \(natural)")
    }
}
