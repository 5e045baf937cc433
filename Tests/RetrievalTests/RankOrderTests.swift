import FlywheelCore
import Foundation
import Testing

@testable import Retrieval

/// Ties go by article id descending. When articles are published in id order each document's
/// rank is its own number and the top-k reads no rank arrays (``BM25Index/ranksAreDocuments``);
/// either way the exhaustive list is the full sort's.
struct RankOrderTests {
    /// `count` short articles over a small vocabulary (3 of 6 common words, 3 topic words of
    /// 20 topics, 2 of 600 rare words), so scores tie often and some terms have dense rows.
    static func articles(_ count: Int, seed: UInt64) -> [Article] {
        var rng = RandomStream(seed: seed, purpose: "rank-order-kb")
        return (0..<count).map { i in
            let topic = rng.int(below: 20)
            let words =
                (0..<3).map { _ in "c\(rng.int(below: 6))" } + (0..<3).map { _ in "t\(topic)w\(rng.int(below: 8))" }
                + (0..<2).map { _ in "r\(rng.int(below: 600))" }
            return Article(id: ArticleID(String(format: "k%05d", i)), title: "", body: words.joined(separator: " "))
        }
    }

    static let queries = [
        "c0 c1 c2 c3 c4 c5", "t3w1 t3w2 c1 r17", "r5 r300 r599 t7w0", "c2 t1w1 c4 t1w3 c5 r42 c0 c0", "nothing known",
        "r44"
    ]

    /// The exhaustive list: positive scores descending, ties by article id descending, the
    /// scores those of ``BM25Index/scores(query:)``, with documents numbered in id order or not,
    /// and after a publication out of id order.
    @Test func exhaustiveListsAreTheFullSortWhicheverTheDocumentOrder() {
        let count = 3_000
        let inOrder = Self.articles(count, seed: 5)
        var shuffled = inOrder
        shuffled.swapAt(5, count - 7)
        var late = BM25Index(articles: Array(inOrder.dropFirst(10)))
        late.publish(contentsOf: Array(inOrder.prefix(10)))
        let indexes = [BM25Index(articles: inOrder), BM25Index(articles: shuffled), late]
        #expect(indexes.map(\.ranksAreDocuments) == [true, false, false])
        #expect(indexes[0].idRank == Array(0..<Int32(count)))
        for (i, index) in indexes.enumerated() {
            for text in Self.queries {
                let terms = index.analyzer.terms(text)
                let sums = index.scores(query: index.queryTermIDs(terms))
                let expected = (0..<count).filter { sums[$0] > 0 }
                    .sorted { a, b in
                        sums[a] != sums[b] ? sums[a] > sums[b] : index.articles[a].id > index.articles[b].id
                    }
                for depth in [1, 75, count] {
                    let list = index.searchDocumentsExhaustive(terms: terms, depth: depth)
                    #expect(list.map(\.document) == Array(expected.prefix(depth)), "index \(i) \(text) depth \(depth)")
                    #expect(list.map(\.score) == expected.prefix(depth).map { sums[$0] }, "index \(i) \(text)")
                }
            }
        }
    }
}
