/// One field's postings cut into the blocks of a ``DocumentBlocks`` layout, each with its largest
/// impact: what block-max pruning (``BlockMaxTopK``) bounds and scores.
///
/// Term t has one entry per block holding it, at `entryStarts[t]..<entryStarts[t + 1]`, blocks
/// ascending; entry e's postings (slot within the block, impact) are at
/// `postingStarts[e]..<postingStarts[e + 1]`, and `entryMax[e]` is their largest impact. Built from
/// the per-term lists whenever those change; the impacts are the lists' own, so a share
/// weight × impact is the same Float as in term-at-a-time scoring.
///
/// Immutable once built; the arrays live in memory this object owns (freed with it), so a search
/// reads them through plain pointers.
final class BlockMaxPostings: @unchecked Sendable {
    let blocks: DocumentBlocks
    let termCount: Int
    let entryStarts: UnsafeMutablePointer<Int32>
    let entryBlock: UnsafeMutablePointer<Int32>
    let entryMax: UnsafeMutablePointer<Float>
    let postingStarts: UnsafeMutablePointer<Int32>
    let slots: UnsafeMutablePointer<UInt8>
    let impacts: UnsafeMutablePointer<Float>
    let entryCount: Int
    let postingCount: Int

    /// The layout of `termDocs[t]` / `termImpacts[t]` (equal lengths, any order, one posting per
    /// document and term) over `blocks`.
    init(blocks: DocumentBlocks, termDocs: [[Int32]], termImpacts: [[Float]]) {
        self.blocks = blocks
        termCount = termDocs.count
        let shift = blocks.shift
        let mask = Int32(blocks.size - 1)
        var starts: [Int32] = [0]
        var entryBlocks: [Int32] = []
        var maxima: [Float] = []
        var postingStarts: [Int32] = []
        var slots: [UInt8] = []
        var impacts: [Float] = []
        starts.reserveCapacity(termDocs.count + 1)
        let total = termDocs.reduce(0) { $0 + $1.count }
        slots.reserveCapacity(total)
        impacts.reserveCapacity(total)
        for (docs, ims) in zip(termDocs, termImpacts) {
            let positioned = zip(docs, ims)
                .map { (position: blocks.positionOf[Int($0)], impact: $1) }
                .sorted { $0.position < $1.position }
            var current: Int32 = -1
            for (position, impact) in positioned {
                let block = position >> Int32(shift)
                if block != current {
                    current = block
                    entryBlocks.append(block)
                    maxima.append(impact)
                    postingStarts.append(Int32(slots.count))
                } else {
                    maxima[maxima.count - 1] = max(maxima[maxima.count - 1], impact)
                }
                slots.append(UInt8(truncatingIfNeeded: position & mask))
                impacts.append(impact)
            }
            starts.append(Int32(entryBlocks.count))
        }
        postingStarts.append(Int32(slots.count))
        entryCount = entryBlocks.count
        postingCount = slots.count
        entryStarts = Self.copy(starts)
        entryBlock = Self.copy(entryBlocks)
        entryMax = Self.copy(maxima)
        self.postingStarts = Self.copy(postingStarts)
        self.slots = Self.copy(slots)
        self.impacts = Self.copy(impacts)
    }

    deinit {
        for pointer in [
            UnsafeMutableRawPointer(entryStarts), UnsafeMutableRawPointer(entryBlock),
            UnsafeMutableRawPointer(entryMax), UnsafeMutableRawPointer(postingStarts),
            UnsafeMutableRawPointer(slots), UnsafeMutableRawPointer(impacts)
        ] {
            pointer.deallocate()
        }
    }

    private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        _ = values.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: values.count) }
        return pointer
    }

    /// A cursor over term `term`'s blocks with `weight` (count · idf, times a field's scale, in
    /// the association term-at-a-time scoring uses); nil when the term has no postings.
    @inline(__always)
    func cursor(term: Int32, weight: Float) -> BlockCursor? {
        guard Int(term) < termCount else { return nil }
        let begin = Int(entryStarts[Int(term)])
        let end = Int(entryStarts[Int(term) + 1])
        guard begin < end else { return nil }
        return BlockCursor(postings: self, begin: begin, end: end, weight: weight)
    }
}

/// One query term's blocks in a ``BlockMaxPostings``, with the term's weight.
struct BlockCursor {
    let entryBlock: UnsafeMutablePointer<Int32>
    let entryMax: UnsafeMutablePointer<Float>
    let postingStarts: UnsafeMutablePointer<Int32>
    let slots: UnsafeMutablePointer<UInt8>
    let impacts: UnsafeMutablePointer<Float>
    let begin: Int
    let end: Int
    let weight: Float

    init(postings p: BlockMaxPostings, begin: Int, end: Int, weight: Float) {
        entryBlock = p.entryBlock
        entryMax = p.entryMax
        postingStarts = p.postingStarts
        slots = p.slots
        impacts = p.impacts
        self.begin = begin
        self.end = end
        self.weight = weight
    }

    /// The entry of `block` in the term's entries, by bisection, or nil.
    @inline(__always)
    func find(_ block: Int32) -> Int? {
        var lo = begin
        var hi = end
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if entryBlock[mid] < block { lo = mid &+ 1 } else { hi = mid }
        }
        return lo < end && entryBlock[lo] == block ? lo : nil
    }

    /// Adds this term's share of every document in entry `e` into `scores` (indexed by slot).
    @inline(__always)
    func add(entry e: Int, into scores: UnsafeMutablePointer<Float>) {
        let w = weight
        for p in Int(postingStarts[e])..<Int(postingStarts[e &+ 1]) {
            scores[Int(slots[p])] += w * impacts[p]
        }
    }
}
