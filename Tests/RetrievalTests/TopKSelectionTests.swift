import FlywheelCore
import Foundation
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
            let expected = Self.expected(scores, ranks: ranks, k: k).map { Int32($0) }
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
            #expect(got == expected, "trial \(trial)")
        }
    }

    /// The dense top-k on arrays the size of real knowledge bases: scores spread like BM25 sums
    /// (continuous, a long tail of weak matches, some zeros) or coarse (many ties), and k from 1
    /// to more than the positive scores.
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
            let expected = Self.expected(scores, ranks: ranks, k: k)
            let got = scores.withUnsafeBufferPointer { s in
                ranks.withUnsafeBufferPointer { r in
                    docOfRank.withUnsafeBufferPointer { TopKSelection.topPositive(s, k: k, idRank: r, docOfRank: $0) }
                }
            }
            #expect(got.map(\.doc) == expected.map { Int32($0) }, "trial \(trial)")
            #expect(got.map(\.score) == expected.map { scores[$0] }, "trial \(trial)")
        }
    }

    /// Past 32,767 groups of 64 documents (the threshold's 16-bit lane counts are widened),
    /// and with scores that share their top 16 bits near the k-th: the same list as a full sort.
    @Test func topKOverManyGroupsEqualsFullSort() {
        for trial in 0..<3 {
            var rng = RandomStream(seed: 13, purpose: "topk-many-groups", ids: [UInt64(trial)])
            let n = trial == 0 ? 32_767 * 64 + 100 : 70_000 + rng.int(below: 64)
            let k = [75, 1, 500][trial]
            // Values 1 + j/4096: many distinct scores under one 16-bit prefix; the largest
            // array mostly zeros (one document in 16 scored), to keep the test quick.
            var scores = [Float](repeating: 0, count: n)
            for d in stride(from: rng.int(below: 16), to: n, by: trial == 0 ? 16 : 1) where rng.bernoulli(0.8) {
                scores[d] = 1 + Float(rng.int(below: 4_096)) / 4_096
            }
            let ranks = Array(0..<Int32(n))
            let expected = Self.expected(scores, ranks: ranks, k: k)
            let got = scores.withUnsafeBufferPointer { s in
                ranks.withUnsafeBufferPointer { r in TopKSelection.topPositive(s, k: k, idRank: r, docOfRank: r) }
            }
            #expect(got.map(\.doc) == expected.map { Int32($0) }, "trial \(trial)")
            #expect(got.map(\.score) == expected.map { scores[$0] }, "trial \(trial)")
        }
    }

    /// The threshold: at least k lane maxima reach it (so k documents do), and when it is above
    /// the least positive Float, at most k + slack reach it unless a 16-bit step cannot split them.
    /// Lane maxima spread like BM25 sums (within a few binades of the largest) or over dozens of
    /// binades (the k-th far below the largest, where the search down from it goes on doubling).
    @Test func thresholdLeavesAtLeastKLaneMaxima() {
        for trial in 0..<300 {
            var rng = RandomStream(seed: 17, purpose: "topk-threshold", ids: [UInt64(trial)])
            let vectors = 1 + rng.int(below: 400)
            let k = 1 + rng.int(below: 150)
            let lanes = (0..<(vectors * 8)).map { _ -> Float in
                if rng.bernoulli(0.3) { return 0 }
                if trial % 3 == 2 { return Float(1 / pow(max(rng.uniform(), 1e-12), 3)) }
                return Float(-log(1 - rng.uniform())) * (trial % 2 == 0 ? 1 : 1e-3)
            }
            let vectorsOfLanes = (0..<vectors).map { v in SIMD8<Float>(lanes[(v * 8)..<(v * 8 + 8)]) }
            let high = vectorsOfLanes.map(TopKSelection.high16)
            let positive = lanes.filter { $0 > 0 }.count
            guard let maximum = lanes.max(), maximum > 0 else { continue }
            let t = high.withUnsafeBufferPointer {
                TopKSelection.threshold(
                    high: $0, positive: positive, maximumHigh: Int16(maximum.bitPattern >> 16), k: k)
            }
            let reaching = lanes.filter { $0 >= t }.count
            #expect(t > 0, "trial \(trial)")
            #expect(reaching >= min(k, positive), "trial \(trial)")
            if positive <= k + TopKSelection.slack { #expect(t == .leastNonzeroMagnitude, "trial \(trial)") }
        }
    }

    /// Group masks: bit b is set exactly when score b of the 64 reaches the threshold.
    @Test func groupMasksMatchScoreByScoreCompares() {
        var rng = RandomStream(seed: 19, purpose: "group-masks", ids: [])
        for _ in 0..<500 {
            let scores = (0..<64).map { _ in Float(rng.int(below: 5)) / 2 }
            let t = Float(rng.int(below: 6)) / 2
            var expected: UInt64 = 0
            for b in 0..<64 where scores[b] >= t { expected |= 1 << UInt64(b) }
            let mask = scores.withUnsafeBytes { TopKSelection.groupMask($0.baseAddress!, atLeast: SIMD8(repeating: t)) }
            #expect(mask == expected)
        }
        let nans = [Float](repeating: .nan, count: 64)
        #expect(nans.withUnsafeBytes { TopKSelection.groupMask($0.baseAddress!, atLeast: SIMD8(repeating: 0)) } == 0)
    }

    /// The oracle: the positive scores' indices by score descending, ties by the larger rank
    /// first (trec_eval's tie-break), the first k.
    static func expected(_ scores: [Float], ranks: [Int32], k: Int) -> [Int] {
        Array(
            (0..<scores.count).filter { scores[$0] > 0 }
                .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ranks[$0] > ranks[$1] }
                .prefix(k))
    }
}

/// The bucket-then-insertion sort of candidate keys, against the standard library's sort.
struct CandidateSortTests {
    @Test func bucketSortEqualsStandardSortDescending() {
        for trial in 0..<300 {
            var rng = RandomStream(seed: 5, purpose: "candidate-sort", ids: [UInt64(trial)])
            let m = rng.int(below: 200)
            // Scores from a few distinct values (many equal score bits) up to a wide spread.
            let distinct = 1 + rng.int(below: trial % 3 == 0 ? 4 : 10_000)
            var ranks = Array(0..<UInt32(m))
            ranks.shuffle(using: &rng)
            let keys = ranks.map { rank -> UInt64 in
                let score = Float(1 + rng.int(below: distinct)) * 0.37
                return UInt64(score.bitPattern) << 32 | UInt64(rank)
            }
            var sorted = keys
            sorted.withUnsafeMutableBufferPointer { TopKSelection.sortDescending($0) }
            #expect(sorted == keys.sorted(by: >), "trial \(trial)")
        }
    }
}

/// The term table that maps query tokens to term ids.
struct TermTableTests {
    @Test func idsAreDenseInInsertionOrderAndSurviveGrowth() {
        var table = TermTable()
        let words = (0..<5_000).map { "w\($0)é" } + ["", "a", "refund", "ü"]
        for (i, word) in words.enumerated() { #expect(table.insert(word) == Int32(i)) }
        #expect(table.count == words.count)
        #expect(table.insert("refund") == Int32(words.count - 2), "re-inserting returns the old id")
        for (i, word) in words.enumerated() { #expect(table[word] == Int32(i)) }
        #expect(table["w5000é"] == nil)
        #expect(table["refunds"] == nil)
        #expect(table["w1"] == nil, "a prefix of a stored term is not that term")
    }

    /// Keys hashed eight bytes at a time: keys that differ only past the eighth byte, only in
    /// length (a trailing NUL), or only in the zero-padded last word are told apart.
    @Test func keysDifferingPastAWordOrOnlyInLengthAreDistinct() {
        var table = TermTable()
        let stems = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq"]
        let words = stems.flatMap { [$0, $0 + "\u{0}", $0 + "\u{0}\u{0}", $0 + "x", $0 + "é"] }
        let distinct = Array(NSOrderedSet(array: words)) as! [String]
        for (i, word) in distinct.enumerated() { #expect(table.insert(word) == Int32(i), "\(word.debugDescription)") }
        for (i, word) in distinct.enumerated() { #expect(table[word] == Int32(i), "\(word.debugDescription)") }
        #expect(table["abcdefgh\u{0}\u{0}\u{0}"] == nil)
        #expect(table["abcdefghijklmnoq"] == nil)
    }

    @Test func queryTermIDsCountRepeatsInTermIDOrderWhicheverPathRuns() {
        let index = BM25Index(
            articles: (0..<40).map {
                Article(
                    id: ArticleID("a\($0)"), title: "title \($0 % 7)", body: "body words \($0 % 5) more \($0 % 3) text")
            })
        var rng = RandomStream(seed: 9, purpose: "query-terms", ids: [])
        for _ in 0..<200 {
            let terms = (0..<rng.int(below: 30)).map { _ in
                rng.bernoulli(0.2)
                    ? "unknown\(rng.int(below: 3))" : index.vocabulary[rng.int(below: index.vocabulary.count)]
            }
            let bitmap = index.termIDs.counts(of: terms)
            let sorted = index.termIDs.countsBySorting(of: terms)
            #expect(bitmap.map(\.term) == sorted.map(\.term))
            #expect(bitmap.map(\.count) == sorted.map(\.count))
            #expect(bitmap.map(\.count).reduce(0, +) == terms.filter { index.termIDs[$0] != nil }.count)
        }
    }
}

/// The learned retriever's top-k over touched documents: the positive-score fast path and the
/// heap give the same lists, also when negative (demoted) or zero scores must fill the list.
struct TouchedTopKTests {
    @Test func fastPathEqualsHeapOverTouchedDocuments() {
        for trial in 0..<300 {
            var rng = RandomStream(seed: 8, purpose: "touched-topk", ids: [UInt64(trial)])
            let n = 1 + rng.int(below: 300)
            let k = 1 + rng.int(below: 100)
            var ranks = Array(0..<Int32(n))
            ranks.shuffle(using: &rng)
            var docOfRank = [Int32](repeating: 0, count: n)
            for d in 0..<n { docOfRank[Int(ranks[d])] = Int32(d) }
            let touchShare = rng.uniform()
            let (fast, heap) = withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scores in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { seen in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { touched in
                        var acc = ScoreAccumulator(scores: scores, seen: seen, touched: touched)
                        for d in 0..<n where rng.uniform() < touchShare {
                            // Ties are common; some sums end at zero or below.
                            acc.add(Int32(d), Float(rng.int(below: 9)) / 2 - 1)
                        }
                        return (
                            acc.top(k, idRank: ranks, docOfRank: docOfRank).map(\.doc),
                            acc.top(k, idRank: ranks).map(\.doc)
                        )
                    }
                }
            }
            #expect(fast == heap, "trial \(trial)")
        }
    }
}
