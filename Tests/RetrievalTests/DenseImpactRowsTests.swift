import Corpora
import FlywheelCore
import Foundation
import Testing

@testable import Retrieval

/// The term-at-a-time pass adds frequent terms from dense rows (``DenseImpactRows``): every
/// document's score is the same Float as the per-posting sum, so lists, order and scores do
/// not depend on which terms have rows.
struct DenseImpactRowsTests {
    /// The frequent terms of the committed corpus get rows (one document in eight or more), the
    /// others none, and a row holds the term's impacts at its documents and zeros elsewhere.
    @Test func frequentTermsGetRowsOfTheirImpacts() throws {
        let (articles, _) = try PrunedTopKTests.corpus("marketplace", tickets: 0)
        let index = BM25Index(articles: articles)
        let n = index.documentCount
        let rows = index.dense
        #expect(rows.documentCount == n)
        #expect(rows.rowCount > 0)
        for (t, postings) in index.postings.enumerated() {
            let row = Int(rows.rowOf[t])
            #expect((row >= 0) == (DenseImpactRows.densityDivisor * postings.docs.count >= n), "term \(t)")
            guard row >= 0 else { continue }
            var expected = [Float](repeating: 0, count: n)
            for (d, impact) in zip(postings.docs, postings.impacts) { expected[Int(d)] = impact }
            #expect(Array(rows.values[(row * n)..<((row + 1) * n)]) == expected, "term \(t)")
        }
    }

    /// Every document's score from the dense-row pass (``BM25Index/addShares(_:into:)``) is
    /// bit-identical to the per-posting sum in the query's term order (``BM25Index/scores(query:)``),
    /// and the exhaustive list's scores are those of ``BM25Index/score(query:doc:)``, on the
    /// committed corpora and after publications (rows rebuilt with the statistics).
    @Test(arguments: ["ci-small", "marketplace"])
    func denseSharesAreThePerPostingSums(corpus name: String) throws {
        let (articles, tickets) = try PrunedTopKTests.corpus(name, tickets: 300)
        var index = BM25Index(articles: Array(articles.dropLast(20)))
        for round in 0..<2 {
            let n = index.documentCount
            for ticket in tickets {
                let query = index.queryTermIDs(index.analyzer.terms(ticket.text))
                let sparse = index.scores(query: query)
                let dense = [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
                    buffer.initialize(repeating: 0)
                    index.addShares(query, into: buffer)
                    initialized = n
                }
                #expect(dense.map(\.bitPattern) == sparse.map(\.bitPattern), "\(name) \(ticket.id) round \(round)")
                // Not zeroed first (the exhaustive search's way): memory full of garbage ends
                // with the same bits, whether the first term has a row or not.
                let unzeroed = [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
                    buffer.initialize(repeating: .nan)
                    index.addShares(query, into: buffer, zeroed: false)
                    initialized = n
                }
                #expect(unzeroed.map(\.bitPattern) == sparse.map(\.bitPattern), "\(name) \(ticket.id) round \(round)")
                let list = index.searchDocumentsExhaustive(terms: index.analyzer.terms(ticket.text), depth: 75)
                for entry in list {
                    #expect(
                        Double(entry.score) == index.score(query: query, doc: Int32(entry.document)),
                        "\(name) \(ticket.id) document \(entry.document)")
                }
            }
            index.publish(contentsOf: Array(articles.suffix(20)))
        }
    }

    /// Not zeroed, a query with no known term leaves every score at 0, and one whose first term
    /// is rare (no row) or frequent (a row) gets the zeroed pass's bits.
    @Test func unzeroedSharesStartFromZeroWhicheverTermComesFirst() throws {
        let (articles, _) = try PrunedTopKTests.corpus("marketplace", tickets: 0)
        let index = BM25Index(articles: articles)
        let n = index.documentCount
        let withRow = (0..<index.postings.count).filter { index.dense.rowOf[$0] >= 0 }.map(Int32.init)
        let withoutRow = (0..<index.postings.count).filter { index.dense.rowOf[$0] < 0 }.map(Int32.init)
        let queries: [[(term: Int32, count: Int)]] = [
            [], [(withRow[0], 1)], [(withoutRow[0], 2)], [(withoutRow[0], 1), (withRow[1], 1)],
            withRow.prefix(5).map { ($0, 1) } + withoutRow.prefix(3).map { ($0, 1) },
            withRow.prefix(3).map { ($0, 1) } + withoutRow.prefix(1).map { ($0, 1) } + withRow.suffix(2).map { ($0, 3) }
        ]
        for (i, query) in queries.enumerated() {
            let sorted = query.sorted { $0.term < $1.term }
            for q in [query, sorted] {
                let unzeroed = [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
                    buffer.initialize(repeating: -.infinity)
                    index.addShares(q, into: buffer, zeroed: false)
                    initialized = n
                }
                #expect(unzeroed.map(\.bitPattern) == index.scores(query: q).map(\.bitPattern), "query \(i)")
            }
        }
    }

    /// Without enough documents no term gets a row (the scattered walk is a few adds).
    @Test func smallIndexesKeepNoRows() {
        let articles = (0..<10).map { Article(id: ArticleID("a\($0)"), title: "refund", body: "parcel refund \($0)") }
        let index = BM25Index(articles: articles)
        #expect(index.dense.rowCount == 0)
        #expect(index.searchDocumentsExhaustive(terms: ["refund"], depth: 3).count == 3)
    }
}
