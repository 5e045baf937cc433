import FlywheelCore
import Testing

@testable import Retrieval

/// ``BlockMaxPostings``' dense rows: terms in at least a quarter of the blocks get one (each
/// block's largest impact and entry, 0 and −1 where absent), rarer terms stay sparse, and a
/// cursor finds the same entry for every block either way.
struct BlockMaxDenseRowsTests {
    @Test func commonTermsGetDenseRowsThatAgreeWithTheirSparseEntries() throws {
        var index = BM25Index(articles: PrunedTopKTests.syntheticArticles(3_000, seed: 7))
        index.preparePruning()
        let postings = try #require(index.blockMax)
        let nb = postings.blocks.blockCount
        var dense = 0
        var sparse = 0
        for term in 0..<postings.termCount {
            let begin = Int(postings.entryStarts[term])
            let end = Int(postings.entryStarts[term + 1])
            let row = Int(postings.denseRow[term])
            #expect((row >= 0) == (4 * (end - begin) >= nb), "term \(index.vocabulary[term])")
            guard let cursor = postings.cursor(term: Int32(term), weight: 1) else { continue }
            if row >= 0 { dense += 1 } else { sparse += 1 }
            var entryOfBlock = [Int?](repeating: nil, count: nb)
            for e in begin..<end { entryOfBlock[Int(postings.entryBlock[e])] = e }
            for block in 0..<nb {
                #expect(cursor.find(Int32(block)) == entryOfBlock[block], "term \(term) block \(block)")
                if let rowMax = cursor.rowMax {
                    #expect(rowMax[block] == entryOfBlock[block].map { postings.entryMax[$0] } ?? 0)
                }
            }
        }
        // The shared words (in about a tenth of the articles each) are dense; the topic words,
        // whose articles the layout groups into few blocks, are sparse.
        #expect(dense >= 40 && sparse >= 100, "dense \(dense), sparse \(sparse)")
    }
}
