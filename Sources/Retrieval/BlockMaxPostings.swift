/// One field's postings cut into the blocks of a ``DocumentBlocks`` layout, each with its largest
/// impact: what block-max pruning (``BlockMaxTopK``) bounds and scores.
///
/// Term t has one entry per block holding it, at `entryStarts[t]..<entryStarts[t + 1]`, blocks
/// ascending; entry e's postings (slot within the block, impact) are at
/// `postingStarts[e]..<postingStarts[e + 1]`, and `entryMax[e]` is their largest impact. Built from
/// the per-term lists whenever those change; the impacts are the lists' own, so a share
/// weight × impact is the same Float as in term-at-a-time scoring.
///
/// Terms in at least a quarter of the blocks also get dense rows indexed by block: each block's
/// largest impact (0 where the term is absent) and its entry (−1 where absent), so a query bounds
/// every block with 8-lane adds and finds a block's entry without a search. Adding a zero share
/// leaves a bound unchanged, so the bounds are the same Floats either way.
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
    /// Per term: its dense row's number, or −1 when its entries are stored sparse only.
    let denseRow: UnsafeMutablePointer<Int32>
    /// Dense rows of `blocks.blockCount` values each: largest impact per block, entry per block.
    let denseMax: UnsafeMutablePointer<Float>
    let denseEntry: UnsafeMutablePointer<Int32>

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
        let nb = blocks.blockCount
        var rows = [Int32](repeating: -1, count: termDocs.count)
        var rowMax: [Float] = []
        var rowEntry: [Int32] = []
        for t in 0..<termDocs.count {
            let begin = Int(starts[t])
            let end = Int(starts[t + 1])
            guard nb > 0, 4 * (end - begin) >= nb else { continue }
            rows[t] = Int32(rowMax.count / nb)
            let base = rowMax.count
            rowMax.append(contentsOf: repeatElement(0, count: nb))
            rowEntry.append(contentsOf: repeatElement(-1, count: nb))
            for e in begin..<end {
                rowMax[base + Int(entryBlocks[e])] = maxima[e]
                rowEntry[base + Int(entryBlocks[e])] = Int32(e)
            }
        }
        denseRow = Self.copy(rows)
        denseMax = Self.copy(rowMax)
        denseEntry = Self.copy(rowEntry)
    }

    deinit {
        for pointer in [
            UnsafeMutableRawPointer(entryStarts), UnsafeMutableRawPointer(entryBlock),
            UnsafeMutableRawPointer(entryMax), UnsafeMutableRawPointer(postingStarts),
            UnsafeMutableRawPointer(slots), UnsafeMutableRawPointer(impacts),
            UnsafeMutableRawPointer(denseRow), UnsafeMutableRawPointer(denseMax),
            UnsafeMutableRawPointer(denseEntry)
        ] {
            pointer.deallocate()
        }
    }

    private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { pointer.initialize(from: base, count: values.count) }
        }
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
        return BlockCursor(postings: self, term: Int(term), begin: begin, end: end, weight: weight)
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
    /// The term's dense rows (``BlockMaxPostings``), indexed by block; nil when it has none.
    let rowMax: UnsafeMutablePointer<Float>?
    let rowEntry: UnsafeMutablePointer<Int32>?

    init(postings p: BlockMaxPostings, term: Int, begin: Int, end: Int, weight: Float) {
        let row = Int(p.denseRow[term])
        let nb = p.blocks.blockCount
        rowMax = row >= 0 ? p.denseMax + row * nb : nil
        rowEntry = row >= 0 ? p.denseEntry + row * nb : nil
        entryBlock = p.entryBlock
        entryMax = p.entryMax
        postingStarts = p.postingStarts
        slots = p.slots
        impacts = p.impacts
        self.begin = begin
        self.end = end
        self.weight = weight
    }

    /// The entry of `block` in the term's entries (from the dense row, else by bisection), or nil.
    @inline(__always)
    func find(_ block: Int32) -> Int? {
        if let rowEntry {
            let e = rowEntry[Int(block)]
            return e >= 0 ? Int(e) : nil
        }
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
