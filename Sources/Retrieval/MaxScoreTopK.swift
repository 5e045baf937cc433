/// Top-k without scoring every matching document: MaxScore in its term-at-a-time form (H. Turtle
/// and J. Flood, "Query evaluation: strategies and optimizations", IP&M 31(6), 1995, §4), with
/// the final scores recomputed exactly.
///
/// 1. The query's terms are added into an accumulator strongest first (by the upper bound
///    weight × largest impact of their share). After each term, let R be the summed bounds of
///    the terms not yet added, and θ a lower bound on the k-th largest accumulated score
///    (bisection on counts, as in ``TopKSelection``). Once R < θ, a document no added term holds
///    cannot reach the top k, and the weak terms — the common words, with the longest
///    postings — are never walked.
/// 2. Candidates: the documents whose partial score plus R can still reach θ.
/// 3. Each candidate's score is summed again in the caller's term order, from zero, with the
///    same Float products as scoring every document (``ScoreAccumulator``), by galloping through
///    each term's sorted postings; the top k then go by score, ties by article id descending.
///
/// So the list, scores included, is bit-identical to the exhaustive one. Bound comparisons carry
/// a relative margin (``margin``) far above Float rounding, so a document whose score could
/// reach the k-th is never dropped. Every share must be non-negative (BM25 and expansion; a
/// demotion field, which subtracts, is scored exhaustively by the caller).
enum MaxScoreTopK {
    /// Relative slack on every bound comparison. A Float sum of m shares errs by at most about
    /// m·2⁻²⁴ of the shares' total; 10⁻³ covers queries of thousands of terms.
    static let margin: Float = 1e-3
    /// Beyond this many terms the margin might not cover rounding: no term is skipped (the
    /// answer is still exact).
    static let maximumPrunedLists = 4_000

    /// The best `k` of `documentCount` documents for `lists` (in the caller's term order, every
    /// weight ≥ 0): score descending, ties by article-id rank descending.
    static func top(
        _ lists: [PostingCursor], documentCount n: Int, k: Int, idRank: UnsafeBufferPointer<Int32>
    ) -> [(doc: Int32, score: Float)] {
        guard k > 0, n > 0, !lists.isEmpty else { return [] }
        let order = lists.indices.sorted { lists[$0].bound > lists[$1].bound || (lists[$0].bound == lists[$1].bound && $0 < $1) }
        var remaining = lists.reduce(0.0) { $0 + $1.bound }
        let prune = lists.count <= maximumPrunedLists
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { partial in
            partial.initialize(repeating: 0)
            var maximum: Float = 0
            var floor: Float = 0  // θ: at least k partial scores are ≥ it
            var lastTried: Double = .infinity
            for j in order {
                let list = lists[j]
                for i in 0..<list.count {
                    let d = Int(list.docs[i])
                    let v = partial[d] + list.weight * list.impacts[i]
                    partial[d] = v
                    maximum = max(maximum, v)
                }
                remaining -= list.bound
                if remaining < 1e-12 { remaining = 0 }
                guard prune else { continue }
                // θ ≤ maximum, so only then is the (costlier) k-th bound worth computing; and
                // after a failed try, only once the remaining bound has fallen below that θ.
                let needed = Float(remaining) * (1 + margin)
                if needed < maximum && Double(needed) < lastTried {
                    floor = TopKSelection.lowerBoundOfKth(UnsafeBufferPointer(partial), k: k, below: maximum)
                    if needed < floor * (1 - margin) { break }
                    lastTried = Double(floor)
                }
            }
            // A document can still reach the top k when partial + remaining ≥ θ; each candidate's
            // exact score is summed in the lists' order, walking the candidates ascending.
            let cut = max(floor * (1 - margin) - Float(remaining) * (1 + margin), 0)
            var candidates: [Int32] = []
            candidates.reserveCapacity(4 * k)
            for d in 0..<n where partial[d] > 0 && partial[d] >= cut { candidates.append(Int32(d)) }
            var scores = [Float](repeating: 0, count: candidates.count)
            for var list in lists {
                for c in candidates.indices {
                    list.advance(to: candidates[c])
                    if let s = list.share(of: candidates[c]) { scores[c] += s }
                }
            }
            var heap = BoundedHeap(capacity: min(k, candidates.count))
            for c in candidates.indices where scores[c] > 0 {
                heap.offer(doc: candidates[c], score: scores[c], rank: idRank[Int(candidates[c])])
            }
            return heap.sortedBestFirst()
        }
    }
}
