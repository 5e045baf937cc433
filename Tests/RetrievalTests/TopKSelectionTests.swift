import FlywheelCore
import Testing

@testable import Retrieval

/// The query hot path's top-k selection (SIMD threshold bisection + sort) against a plain sort,
/// on seeded random score arrays with many ties and zeros.
struct TopKSelectionTests {
    @Test func thresholdTopKEqualsFullSortWithTrecTieBreak() {
        for trial in 0..<200 {
            var rng = RandomStream(seed: 3, purpose: "topk", ids: [UInt64(trial)])
            let n = 1 + rng.int(below: 300)
            let k = 1 + rng.int(below: 80)
            // Few distinct values, so ties are common; about a third are zero (unmatched).
            let scores = (0..<n).map { _ in rng.bernoulli(0.3) ? Float(0) : Float(1 + rng.int(below: 12)) / 4 }
            var ranks = Array(0..<Int32(n))
            ranks.shuffle(using: &rng)
            let expected = (0..<n).filter { scores[$0] > 0 }
                .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ranks[$0] > ranks[$1] }
                .prefix(k).map { Int32($0) }
            let got = withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { buffer in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { seen in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { touched in
                        let acc = ScoreAccumulator(scores: buffer, seen: seen, touched: touched)
                        for i in 0..<n { acc.addUntracked(Int32(i), scores[i]) }
                        var docOfRank = [Int32](repeating: 0, count: n)
                        for d in 0..<n { docOfRank[Int(ranks[d])] = Int32(d) }
                        return acc.topPositive(k, idRank: ranks, docOfRank: docOfRank).map(\.doc)
                    }
                }
            }
            #expect(got == Array(expected), "trial \(trial)")
        }
    }
}
