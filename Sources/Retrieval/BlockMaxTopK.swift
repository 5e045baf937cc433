/// Top-k without scoring every matching document: block-max pruning over reordered documents
/// (``DocumentBlocks``, ``BlockMaxPostings``), every score computed exactly.
///
/// 1. Each block's upper bound: the sum over the query's lists of weight × the block's largest
///    impact (one add per list and block holding the term).
/// 2. Seeds: the few blocks with the largest bounds are scored exactly, so the running k-th
///    score θ starts near its final value.
/// 3. The other blocks whose bound reaches θ, best bound first, are scored exactly until a bound
///    falls below θ (θ rises as better documents arrive); documents go to a heap of k keys.
///
/// A block is scored like the exhaustive pass scores a document: each list's share
/// weight × impact added in the caller's list order, from zero, so every score is bit-identical.
/// No margin is needed on the bounds: a bound adds, in the same list order, shares that are each
/// ≥ the document's share in that list (or ≥ 0 where the document lacks the term), and Float
/// rounding is monotonic, so a bound is never below an exact score. A block is skipped only when
/// its bound is strictly below θ, so documents tied with the k-th score still compete on article
/// id. Every weight must be ≥ 0 (BM25 and expansion; a demotion field, which subtracts, is scored
/// exhaustively by the caller).
enum BlockMaxTopK {
    /// The best `k` documents with a positive score for `lists` (caller's term order, all over
    /// `blocks`): score descending, ties by article id descending (``TopKSelection``'s order).
    static func top(
        _ lists: UnsafeMutableBufferPointer<BlockCursor>, blocks: DocumentBlocks, k: Int,
        idRank: UnsafeBufferPointer<Int32>, docOfRank: UnsafeBufferPointer<Int32>
    ) -> [(doc: Int32, score: Float)] {
        let nb = blocks.blockCount
        guard k > 0, nb > 0, !lists.isEmpty else { return [] }
        let size = blocks.size
        let shift = blocks.shift
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: nb) { bounds in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: nb) { scored in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: size) { acc in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: k) { heapKeys in
                        blocks.docAt.withUnsafeBufferPointer { docAt in
                            bounds.initialize(repeating: 0)
                            scored.initialize(repeating: 0)
                            for list in lists {
                                let w = list.weight
                                if let row = list.rowMax {
                                    DenseImpactRows.addScaled(row, w, into: bounds)
                                } else {
                                    for e in list.begin..<list.end {
                                        bounds[Int(list.entryBlock[e])] += w * list.entryMax[e]
                                    }
                                }
                            }
                            var heap = KeyHeap(keys: heapKeys.baseAddress!, capacity: k)
                            @inline(__always) func score(_ b: Int) {
                                scored[b] = 1
                                acc.initialize(repeating: 0)
                                let block = Int32(b)
                                for j in 0..<lists.count {
                                    let e = lists[j].find(block)
                                    if let e { lists[j].add(entry: e, into: acc.baseAddress!) }
                                }
                                let base = b << shift
                                for s in 0..<size {
                                    let v = acc[s]
                                    guard v > 0, v >= heap.floor else { continue }
                                    let rank = idRank[Int(docAt[base &+ s])]
                                    heap.offer(UInt64(v.bitPattern) << 32 | UInt64(UInt32(bitPattern: rank)))
                                }
                            }
                            // Seeds: the blocks with the largest bounds, enough for about 2k documents.
                            let seedCount = min(nb, max(2, 2 * ((k + size - 1) / size)))
                            withUnsafeTemporaryAllocation(of: Int.self, capacity: seedCount) { seeds in
                                var m = 0
                                for b in 0..<nb where bounds[b] > 0 {
                                    if m == seedCount && bounds[b] <= bounds[seeds[m - 1]] { continue }
                                    var i = m < seedCount ? m : m - 1
                                    while i > 0 && bounds[seeds[i - 1]] < bounds[b] {
                                        seeds[i] = seeds[i - 1]
                                        i -= 1
                                    }
                                    seeds[i] = b
                                    if m < seedCount { m += 1 }
                                }
                                for i in 0..<m { score(seeds[i]) }
                            }
                            // The rest that can still reach θ, best bound first (keys: bound bits, block),
                            // until a bound falls below θ.
                            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: nb) { order in
                                var m = 0
                                for b in 0..<nb where scored[b] == 0 && bounds[b] > 0 && bounds[b] >= heap.floor {
                                    order[m] = UInt64(bounds[b].bitPattern) << 32 | UInt64(b)
                                    m += 1
                                }
                                let candidates = UnsafeMutableBufferPointer(rebasing: order[0..<m])
                                TopKSelection.sortDescending(candidates)
                                for key in candidates {
                                    guard Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32)) >= heap.floor else {
                                        break
                                    }
                                    score(Int(UInt32(truncatingIfNeeded: key)))
                                }
                            }
                            let found = UnsafeMutableBufferPointer(start: heapKeys.baseAddress, count: heap.count)
                            TopKSelection.sortDescending(found)
                            return found.map { key in
                                (
                                    docOfRank[Int(UInt32(truncatingIfNeeded: key))],
                                    Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
                                )
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A min-heap of at most `capacity` keys (score bits << 32 | article-id rank, so key order is
/// score order, then id order) whose root is the worst kept, in caller-owned memory.
struct KeyHeap {
    let keys: UnsafeMutablePointer<UInt64>
    let capacity: Int
    var count = 0
    /// The smallest score that can still enter: the root's once full, else 0.
    var floor: Float = 0

    init(keys: UnsafeMutablePointer<UInt64>, capacity: Int) {
        self.keys = keys
        self.capacity = capacity
    }

    @inline(__always)
    mutating func offer(_ key: UInt64) {
        if count < capacity {
            var i = count
            count += 1
            while i > 0 {
                let parent = (i - 1) >> 1
                guard key < keys[parent] else { break }
                keys[i] = keys[parent]
                i = parent
            }
            keys[i] = key
            if count == capacity { floor = Float(bitPattern: UInt32(truncatingIfNeeded: keys[0] >> 32)) }
            return
        }
        guard key > keys[0] else { return }
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < count else { break }
            let r = l + 1
            let m = r < count && keys[r] < keys[l] ? r : l
            guard keys[m] < key else { break }
            keys[i] = keys[m]
            i = m
        }
        keys[i] = key
        floor = Float(bitPattern: UInt32(truncatingIfNeeded: keys[0] >> 32))
    }
}
