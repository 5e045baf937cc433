import FlywheelCore
import Testing

@testable import Retrieval

/// A three-article toy index whose scores are computed by hand (k1 1.2, b 0.75, N 3, avgdl 3):
///
///     d1  title "apple"   body "apple banana"        apple 2, banana 1          dl 3
///     d2  title "banana"  body "cherry"              banana 1, cherry 1         dl 2
///     d3  title "cherry"  body "cherry cherry date"  cherry 3, date 1           dl 4
struct BM25IndexTests {
    static let toy = [
        Article(id: "d1", title: "apple", body: "apple banana"),
        Article(id: "d2", title: "banana", body: "cherry"),
        Article(id: "d3", title: "cherry", body: "cherry cherry date")
    ]
    static let plain = Analyzer(.init(stemming: false, stopWords: false))

    static func score(_ entries: [RankedList.Entry], _ id: ArticleID) -> Double? {
        entries.first { $0.article == id }?.score
    }

    @Test func singleTermScoresMatchHandComputation() {
        let index = BM25Index(articles: Self.toy, analyzer: Self.plain)
        #expect(index.documentCount == 3)
        #expect(index.averageLength == 3)
        // apple: df 1, idf = ln(1 + 2.5/1.5) = 0.980829; d1: tf 2, norm 1.2 → 2·2.2/3.2 = 1.375.
        let apple = index.search(terms: ["apple"], depth: 10)
        #expect(apple.map(\.article) == ["d1"])
        #expect(abs(apple[0].score - 0.980829 * 1.375) < 1e-5)
        // cherry: df 2, idf = ln(1.6) = 0.470004;
        // d2: tf 1, dl 2, norm 1.2·(0.25 + 0.5) = 0.9 → 2.2/1.9; d3: tf 3, dl 4, norm 1.5 → 6.6/4.5.
        let cherry = index.search(terms: ["cherry"], depth: 10)
        #expect(cherry.map(\.article) == ["d3", "d2"])
        #expect(abs(Self.score(cherry, "d3")! - 0.470004 * 6.6 / 4.5) < 1e-5)
        #expect(abs(Self.score(cherry, "d2")! - 0.470004 * 2.2 / 1.9) < 1e-5)
    }

    @Test func multiTermQuerySumsTermScores() {
        let index = BM25Index(articles: Self.toy, analyzer: Self.plain)
        // banana (idf 0.470004): d1 2.2/2.2 = 1, d2 2.2/1.9; date (idf 0.980829): d3 2.2/2.5.
        let r = index.search(terms: ["banana", "date"], depth: 10)
        #expect(r.map(\.article) == ["d3", "d2", "d1"])
        #expect(abs(r[0].score - 0.980829 * 0.88) < 1e-5)
        #expect(abs(r[1].score - 0.470004 * 2.2 / 1.9) < 1e-5)
        #expect(abs(r[2].score - 0.470004) < 1e-5)
        #expect(abs(index.score(terms: ["banana", "date"], article: "d2") - r[1].score) < 1e-6)
        // A repeated query term counts twice, an unknown one not at all.
        let twice = index.search(terms: ["apple", "apple", "zebra"], depth: 10)
        #expect(abs(twice[0].score - 2 * 0.980829 * 1.375) < 1e-5)
    }

    @Test func depthCutsAndTiesGoToTheHigherArticleID() {
        let docs = [
            Article(id: "x1", title: "same", body: "words"),
            Article(id: "x3", title: "same", body: "words"),
            Article(id: "x2", title: "same", body: "words")
        ]
        let index = BM25Index(articles: docs, analyzer: Self.plain)
        #expect(index.search(terms: ["same"], depth: 10).map(\.article) == ["x3", "x2", "x1"])
        #expect(index.search(terms: ["same"], depth: 2).map(\.article) == ["x3", "x2"])
        #expect(index.search(terms: ["absent"], depth: 2).isEmpty)
    }

    @Test func fieldWeightsScaleTitleOccurrences() {
        let docs = [
            Article(id: "t", title: "refund", body: "money back policy"),
            Article(id: "b", title: "policy", body: "refund money back")
        ]
        let flat = BM25Index(articles: docs, analyzer: Self.plain)
        let flatScores = flat.search(terms: ["refund"], depth: 2)
        #expect(flatScores[0].score == flatScores[1].score)
        let titled = BM25Index(articles: docs, parameters: BM25Parameters(titleWeight: 3), analyzer: Self.plain)
        #expect(titled.search(terms: ["refund"], depth: 2).map(\.article) == ["t", "b"])
    }

    @Test func incrementalPublishEqualsFullRebuild() {
        let extra = [
            Article(id: "d4", title: "date palm", body: "dates grow on palms apple"),
            Article(id: "d2", title: "banana split", body: "banana cherry cream"),  // replaces d2
            Article(id: "d5", title: "elderberry", body: "cherry elderberry wine wine")
        ]
        var incremental = BM25Index(articles: Self.toy)
        incremental.publish(extra[0])
        incremental.publish(contentsOf: Array(extra[1...]))
        let rebuilt = BM25Index(articles: Self.toy + extra)
        #expect(incremental.documentCount == 5)
        #expect(incremental.averageLength == rebuilt.averageLength)
        #expect(incremental.documentFrequency("cherri") == rebuilt.documentFrequency("cherri"))
        #expect(incremental.documentFrequency("split") == 1)
        for query in ["apple", "cherry date", "banana split", "wine", "palm apple cherry", "cream"] {
            let terms = Analyzer().terms(query)
            #expect(incremental.search(terms: terms, depth: 10) == rebuilt.search(terms: terms, depth: 10), "\(query)")
        }
    }

    @Test func retrieveAnalyzesTheTicketText() {
        let index = BM25Index(articles: Self.toy)
        let ticket = Ticket(id: "t1", createdAt: Timestamp(secondsSinceEpoch: 0), text: "Where are my cherries?")
        let list = index.retrieve(ticket, depth: 75)
        #expect(list.ticket == "t1")
        #expect(list.articles == ["d3", "d2"])
    }
}
