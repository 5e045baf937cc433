/// Top-k selection over a dense score array, the BM25 query hot path.
///
/// Nearly every article matches a typical ticket (the default corpus's 1,500 articles share a
/// small vocabulary), so instead of a heap over every matching document the selection works on
/// the flat array, in groups of 64 documents (8 vectors of 8):
///
/// 1. One pass keeps each group's *lane maxima*: lane j holds the largest score of documents
///    64g + j, 64g + 8 + j, …, 64g + 56 + j. Each lane maximum is some document's score.
/// 2. A threshold t with at least k lane maxima ≥ t (k plus a few) is found by bisection between
///    0 and the maximum, counting with 8-lane compares over the lane maxima only (an eighth of
///    the array). At least k documents then score ≥ t, so every top-k document scores ≥ t.
/// 3. Only the groups with a lane maximum ≥ t are walked (8-lane compares); the documents
///    scoring ≥ t (k plus a few dozen) are sorted as integer keys.
///
/// The documents after the last whole group are counted and gathered one by one.
enum TopKSelection {
    /// Lane maxima beyond k that end the bisection early.
    static let slack = 8

    /// The best `k` documents with a positive score: score descending, ties by article id
    /// descending (trec_eval's order), given each document's rank in article-id order and its
    /// inverse.
    static func topPositive(
        _ scores: UnsafeBufferPointer<Float>, k: Int, idRank: UnsafeBufferPointer<Int32>,
        docOfRank: UnsafeBufferPointer<Int32>
    ) -> [(doc: Int32, score: Float)] {
        guard k > 0, let base = scores.baseAddress else { return [] }
        let n = scores.count
        let groups = n / 64
        let tail = groups * 64
        let raw = UnsafeRawPointer(base)
        @inline(__always) func vector(_ i: Int) -> SIMD8<Float> {
            raw.loadUnaligned(fromByteOffset: i &* 32, as: SIMD8<Float>.self)
        }
        return withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: max(groups, 1)) { laneMax in
            var top = SIMD8<Float>(repeating: 0)
            for g in 0..<groups {
                var m = vector(g &* 8)
                for i in 1..<8 {
                    let v = vector(g &* 8 &+ i)
                    m.replace(with: v, where: v .> m)
                }
                laneMax[g] = m
                top.replace(with: m, where: m .> top)
            }
            var maximum = top.max()
            for d in tail..<n { maximum = max(maximum, base[d]) }
            guard maximum > 0 else { return [] }
            // Lane maxima and tail documents ≥ t: each one a different document scoring ≥ t.
            @inline(__always) func countAtLeast(_ t: Float) -> Int {
                var c = SIMD8<Int32>(repeating: 0)
                let one = SIMD8<Int32>(repeating: 1)
                let threshold = SIMD8<Float>(repeating: t)
                for g in 0..<groups { c &+= one.replacing(with: 0, where: laneMax[g] .< threshold) }
                var total = Int(c.wrappedSum())
                for d in tail..<n where base[d] >= t { total += 1 }
                return total
            }
            var low = Float.leastNonzeroMagnitude
            if countAtLeast(low) > k + slack {
                var high = maximum
                for _ in 0..<24 {
                    let mid = low + (high - low) / 2
                    let c = countAtLeast(mid)
                    if c >= k {
                        low = mid
                        if c <= k + slack { break }
                    } else {
                        high = mid
                    }
                }
            }
            return gather(
                base, n: n, groups: groups, laneMax: laneMax, atLeast: low, k: k, idRank: idRank,
                docOfRank: docOfRank)
        }
    }

    /// The best `k` of the documents scoring ≥ `t` (every top-k one does), walking only the
    /// groups with a lane maximum ≥ `t`, then the tail; documents are gathered in document order.
    @inline(__always)
    private static func gather(
        _ base: UnsafePointer<Float>, n: Int, groups: Int, laneMax: UnsafeMutableBufferPointer<SIMD8<Float>>,
        atLeast t: Float, k: Int, idRank: UnsafeBufferPointer<Int32>, docOfRank: UnsafeBufferPointer<Int32>
    ) -> [(doc: Int32, score: Float)] {
        // Sort keys: the score's bits (monotonic for positive floats) above the id rank, so one
        // integer sort orders by score, then article id, both descending.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { keys in
            var count = 0
            @inline(__always) func collect(_ d: Int) {
                keys[count] = UInt64(base[d].bitPattern) << 32 | UInt64(UInt32(bitPattern: idRank[d]))
                count &+= 1
            }
            let raw = UnsafeRawPointer(base)
            let threshold = SIMD8<Float>(repeating: t)
            let lanes = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
            @inline(__always) func mask(_ v: SIMD8<Float>) -> UInt32 {
                SIMD8<UInt32>(repeating: 0).replacing(with: lanes, where: v .>= threshold).wrappedSum()
            }
            for g in 0..<groups where mask(laneMax[g]) != 0 {
                // Each of the group's 8 vectors: the lanes reaching t as a bit mask, then one
                // step per set bit.
                for i in (g &* 8)..<(g &* 8 &+ 8) {
                    var bits = mask(raw.loadUnaligned(fromByteOffset: i &* 32, as: SIMD8<Float>.self))
                    while bits != 0 {
                        collect(i &* 8 &+ bits.trailingZeroBitCount)
                        bits &= bits &- 1
                    }
                }
            }
            for d in (groups * 64)..<n where base[d] >= t { collect(d) }
            let selected = UnsafeMutableBufferPointer(rebasing: keys[0..<count])
            sortDescending(selected)
            let m = min(k, count)
            return [(doc: Int32, score: Float)](unsafeUninitializedCapacity: m) { out, initialized in
                for j in 0..<m {
                    let key = selected[j]
                    out[j] = (
                        docOfRank[Int(UInt32(truncatingIfNeeded: key))],
                        Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
                    )
                }
                initialized = m
            }
        }
    }

    /// Sorts distinct keys (score bits << 32 | id rank) in descending order in place.
    ///
    /// Sorting ~100 random keys with comparisons is dominated by mispredicted branches, so the
    /// keys are first placed by a counting sort into buckets of the score's bit pattern (bucket
    /// order agrees with key order: for positive floats the bits are monotonic), then an insertion sort
    /// fixes the order inside buckets: on nearly sorted input it moves each key a step or two.
    /// Keys that arrive in ascending order of document (as the top-k gathers them) leave ties in
    /// descending order, which is their final order when article ids ascend with document numbers.
    static func sortDescending(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        let m = keys.count
        guard m > 1 else { return }
        var bucketed = false
        if m > 16 {
            // Buckets by the score's bit pattern (roughly logarithmic in the score, so finer
            // where the candidates crowd, just above the threshold): integer arithmetic only.
            var high: UInt32 = 0
            var low: UInt32 = .max
            for key in keys {
                let bits = UInt32(truncatingIfNeeded: key >> 32)
                high = max(high, bits)
                low = min(low, bits)
            }
            let buckets = min(4 * m, 1024)
            var shift: UInt32 = 0
            while (high &- low) >> shift >= UInt32(buckets) { shift += 1 }
            if high > low {
                @inline(__always) func bucket(_ key: UInt64) -> Int {
                    Int((high &- UInt32(truncatingIfNeeded: key >> 32)) >> shift)
                }
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: buckets + 1) { counts in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: m) { placed in
                        counts.initialize(repeating: 0)
                        for key in keys { counts[bucket(key) &+ 1] &+= 1 }
                        for b in 1...buckets { counts[b] &+= counts[b &- 1] }
                        // Placed from the last key back, so keys gathered in document order
                        // keep ties in descending document order: already their final order
                        // when article ids ascend with document numbers (tie runs are long in
                        // small vocabularies; an ascending run was the insertion sort's worst case).
                        for j in stride(from: m &- 1, through: 0, by: -1) {
                            let b = bucket(keys[j])
                            placed[Int(counts[b])] = keys[j]
                            counts[b] &+= 1
                        }
                        _ = keys.update(fromContentsOf: placed)
                    }
                }
                bucketed = true
            }
        }
        // Unbucketed (few keys, or one score), the same reversal as the placement's.
        if !bucketed {
            var reversed = keys
            reversed.reverse()
        }
        insertionSort(keys.baseAddress!, m)
    }

    private static func insertionSort(_ a: UnsafeMutablePointer<UInt64>, _ count: Int) {
        for i in 1..<count {
            let x = a[i]
            var j = i
            while j > 0 && a[j - 1] < x {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = x
        }
    }
}
