import FlywheelCore
import Foundation
import Testing

@testable import Retrieval

/// The dense top-k (``TopKSelection``) on arrays the size of real knowledge bases, against a
/// plain sort with trec_eval's tie-break.
struct TopKLargeArrayTests {
    /// Scores spread like BM25 sums (continuous, a long tail of weak matches, some zeros), or
    /// coarse (many ties) — and k from 1 to more than the positive scores.
    @Test func topKOverLargeArraysEqualsFullSort() {
        for trial in 0..<120 {
            var rng = RandomStream(seed: 11, purpose: "topk-large", ids: [UInt64(trial)])
            let n = 1 + rng.int(below: 5_000)
            let k = 1 + rng.int(below: trial % 4 == 0 ? n + 10 : 120)
            let coarse = trial % 3 == 0
            let zeroShare = rng.uniform() * 0.9
            let scores = (0..<n).map { _ -> Float in
                if rng.bernoulli(zeroShare) { return 0 }
                let x = -log(1 - rng.uniform())  // exponential: few high, many low
                return coarse ? Float((x * 4).rounded()) / 4 : Float(x)
            }
            var ranks = Array(0..<Int32(n))
            ranks.shuffle(using: &rng)
            var docOfRank = [Int32](repeating: 0, count: n)
            for d in 0..<n { docOfRank[Int(ranks[d])] = Int32(d) }
            let expected = (0..<n).filter { scores[$0] > 0 }
                .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ranks[$0] > ranks[$1] }
                .prefix(k)
            let got = scores.withUnsafeBufferPointer { s in
                ranks.withUnsafeBufferPointer { r in
                    docOfRank.withUnsafeBufferPointer { TopKSelection.topPositive(s, k: k, idRank: r, docOfRank: $0) }
                }
            }
            #expect(got.map(\.doc) == expected.map { Int32($0) }, "trial \(trial)")
            #expect(got.map(\.score) == expected.map { scores[$0] }, "trial \(trial)")
        }
    }
}
