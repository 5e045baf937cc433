/// Top-k selection over a dense score array, the BM25 query hot path.
///
/// Nearly every article matches a typical ticket (the default corpus's 1,500 articles share a
/// small vocabulary), so instead of a heap over every matching document the selection works on
/// the flat array, in groups of 64 documents (8 vectors of 8):
///
/// 1. One pass keeps each group's *lane maxima*: lane j holds the largest score of documents
///    64g + j, 64g + 8 + j, …, 64g + 56 + j. Each lane maximum is some document's score. The
///    documents after the last whole group make one more vector of lane maxima.
/// 2. A threshold t with at least k lane maxima ≥ t (k plus a few) is found by bisection over
///    the top 16 bits of t's bit pattern, counting with 16-bit compares over the lane maxima's
///    top bits only (``threshold(high:positive:maximumHigh:k:)``). At least k documents then
///    score ≥ t, so every top-k document scores ≥ t.
/// 3. Only the groups with a lane maximum ≥ t are walked: their 64 compares as one 64-bit mask
///    (``groupMask(_:atLeast:)``), one step per set bit; the documents scoring ≥ t (k plus a few
///    dozen) are sorted as integer keys.
///
/// The documents after the last whole group are gathered one by one. Scores are finite (a
/// NaN would be neither counted nor gathered).
enum TopKSelection {
    /// Lane maxima beyond k that end the bisection early.
    static let slack = 8

    /// The best `k` documents with a positive score: score descending, ties by article id
    /// descending (trec_eval's order), given each document's rank in article-id order and its
    /// inverse. `ranksAreDocuments`: every document's rank is its number (documents numbered in
    /// article-id order), so neither array is read.
    static func topPositive(
        _ scores: UnsafeBufferPointer<Float>, k: Int, idRank: UnsafeBufferPointer<Int32>,
        docOfRank: UnsafeBufferPointer<Int32>, ranksAreDocuments: Bool = false
    ) -> [(doc: Int32, score: Float)] {
        topPositive(scores, k: k, idRank: idRank, docOfRank: docOfRank, ranksAreDocuments: ranksAreDocuments) {
            (doc: $0, score: $1)
        }
    }

    /// ``topPositive(_:k:idRank:docOfRank:)`` with each (document, score) made into the caller's
    /// element as the list is written (one array, no conversion afterwards).
    static func topPositive<Entry>(
        _ scores: UnsafeBufferPointer<Float>, k: Int, idRank: UnsafeBufferPointer<Int32>,
        docOfRank: UnsafeBufferPointer<Int32>, ranksAreDocuments: Bool = false, as entry: (Int32, Float) -> Entry
    ) -> [Entry] {
        guard k > 0, let base = scores.baseAddress else { return [] }
        let n = scores.count
        let groups = n / 64
        let tail = groups * 64
        let raw = UnsafeRawPointer(base)
        @inline(__always) func vector(_ i: Int) -> SIMD8<Float> {
            raw.loadUnaligned(fromByteOffset: i &* 32, as: SIMD8<Float>.self)
        }
        // Whole groups, plus one for the documents after them (its lanes' maxima, for the count).
        let vectors = groups + (tail < n ? 1 : 0)
        return withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: max(vectors, 1)) { laneMax in
            withUnsafeTemporaryAllocation(of: SIMD8<Int16>.self, capacity: max(vectors, 1)) { high in
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
                let zero = SIMD8<Float>(repeating: 0)
                if tail < n {
                    var m = zero
                    for d in tail..<n { m[(d &- tail) & 7] = max(m[(d &- tail) & 7], base[d]) }
                    laneMax[groups] = m
                    top.replace(with: m, where: m .> top)
                }
                // The lane maxima's top 16 bits, and how many are above 0 (the bisection's lower end).
                var positive = SIMD8<Int32>(repeating: 0)
                for g in 0..<vectors {
                    high[g] = high16(laneMax[g])
                    positive &-= SIMD8<Int32>(repeating: 0).replacing(with: -1, where: laneMax[g] .> zero)
                }
                let maximum = top.max()
                guard maximum > 0 else { return [] }
                let low = threshold(
                    high: UnsafeBufferPointer(rebasing: high[0..<vectors]), positive: Int(positive.wrappedSum()),
                    maximumHigh: Int16(truncatingIfNeeded: maximum.bitPattern >> 16), k: k)
                return gather(
                    base, n: n, groups: groups, laneMax: laneMax, atLeast: low, k: k, idRank: idRank,
                    docOfRank: docOfRank, ranksAreDocuments: ranksAreDocuments, as: entry)
            }
        }
    }

    /// The best `k` of the documents scoring ≥ `t` (every top-k one does), walking only the
    /// groups with a lane maximum ≥ `t`, then the tail; documents are gathered in document order.
    @inline(__always)
    private static func gather<Entry>(
        _ base: UnsafePointer<Float>, n: Int, groups: Int, laneMax: UnsafeMutableBufferPointer<SIMD8<Float>>,
        atLeast t: Float, k: Int, idRank: UnsafeBufferPointer<Int32>, docOfRank: UnsafeBufferPointer<Int32>,
        ranksAreDocuments: Bool, as entry: (Int32, Float) -> Entry
    ) -> [Entry] {
        // Sort keys: the score's bits (monotonic for positive floats) above the id rank, so one
        // integer sort orders by score, then article id, both descending.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { keys in
            var count = 0
            @inline(__always) func collect(_ d: Int) {
                let rank = ranksAreDocuments ? Int32(truncatingIfNeeded: d) : idRank[d]
                keys[count] = UInt64(base[d].bitPattern) << 32 | UInt64(UInt32(bitPattern: rank))
                count &+= 1
            }
            let raw = UnsafeRawPointer(base)
            let threshold = SIMD8<Float>(repeating: t)
            // The groups with a lane maximum ≥ t, 64 at a time as bits (set without a branch),
            // then for each one its 64 documents reaching t as one 64-bit mask (at least one
            // bit: the lane maximum's), one step per set bit.
            var first = 0
            while first < groups {
                let end = min(first &+ 64, groups)
                var reach: UInt64 = 0
                for g in first..<end {
                    reach |= (any(laneMax[g] .>= threshold) ? 1 : 0) << UInt64(g &- first)
                }
                while reach != 0 {
                    let g = first &+ reach.trailingZeroBitCount
                    reach &= reach &- 1
                    var bits = groupMask(raw + g &* 256, atLeast: threshold)
                    repeat {
                        collect(g &* 64 &+ bits.trailingZeroBitCount)
                        bits &= bits &- 1
                    } while bits != 0
                }
                first = end
            }
            for d in (groups * 64)..<n where base[d] >= t { collect(d) }
            let selected = UnsafeMutableBufferPointer(rebasing: keys[0..<count])
            sortDescending(selected)
            let m = min(k, count)
            return [Entry](unsafeUninitializedCapacity: m) { out, initialized in
                for j in 0..<m {
                    let key = selected[j]
                    let rank = Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: key))
                    (out.baseAddress! + j).initialize(
                        to: entry(
                            ranksAreDocuments ? rank : docOfRank[Int(rank)],
                            Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))))
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

extension TopKSelection {
    /// The top 16 bits of each lane's bit pattern (for values ≥ 0: 0 ... 0x7F80).
    @inline(__always)
    static func high16(_ v: SIMD8<Float>) -> SIMD8<Int16> {
        SIMD8<Int16>(truncatingIfNeeded: unsafeBitCast(v, to: SIMD8<UInt32>.self) &>> 16)
    }
}

// In this file, with its caller: vector conversions and masks called from another file compile
// to out-of-line calls under SwiftPM's build.
extension TopKSelection {
    /// The 64 scores at `group` reaching `threshold` as a bit mask: score 8i + j (vector i, lane
    /// j) sets bit 8i + j (NaN sets none).
    ///
    /// Each compare selects its lanes' bits from a constant (lane j of vector i holds
    /// 1 << (8i + j) mod 32), ORed into one vector for vectors 0–3 and one for 4–7; each is
    /// folded to a word once per group. Plain SSE2 ands, ors and shuffles: converting each
    /// compare to bytes (`SIMD8<UInt8>(truncatingIfNeeded:)`) was a call into the standard
    /// library's prespecialized conversion per vector.
    @inline(__always)
    static func groupMask(_ group: UnsafeRawPointer, atLeast threshold: SIMD8<Float>) -> UInt64 {
        let bit = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
        let zero = SIMD8<UInt32>(repeating: 0)
        var low = zero
        var high = zero
        for i in 0..<4 {
            let shift = SIMD8<UInt32>(repeating: UInt32(8 &* i))
            let a = group.loadUnaligned(fromByteOffset: i &* 32, as: SIMD8<Float>.self)
            let b = group.loadUnaligned(fromByteOffset: (i &+ 4) &* 32, as: SIMD8<Float>.self)
            low |= zero.replacing(with: bit &<< shift, where: a .>= threshold)
            high |= zero.replacing(with: bit &<< shift, where: b .>= threshold)
        }
        return UInt64(fold(low)) | UInt64(fold(high)) << 32
    }

    /// The OR of a vector's eight lanes.
    @inline(__always)
    private static func fold(_ v: SIMD8<UInt32>) -> UInt32 {
        let words = unsafeBitCast(v, to: (UInt64, UInt64, UInt64, UInt64).self)
        let w = (words.0 | words.1) | (words.2 | words.3)
        return UInt32(truncatingIfNeeded: w) | UInt32(truncatingIfNeeded: w >> 32)
    }
}
