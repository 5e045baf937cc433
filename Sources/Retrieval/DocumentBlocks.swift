/// The documents of an index laid out in blocks of consecutive positions, for block-max pruning
/// (``BlockMaxPostings``, ``BlockMaxTopK``): similar documents share a block, so a block's upper
/// bound for a query (the sum over query terms of the block's largest share) stays near its best
/// document's score and most blocks fall below the running k-th score.
///
/// The order ("document reordering", as in Ding & Suel, "Faster top-k document retrieval using
/// block-max indexes", SIGIR 2011, §6, and Dimopoulos et al., "Optimizing top-k document
/// retrieval strategies for block-max indexes", WSDM 2013): documents sorted by their three
/// strongest terms (largest idf × impact, ties by term id), then by document number. Measured on
/// the generated 20,000-article corpus (BENCHMARKS.md, "First-stage pruning"): in publication
/// order nearly every 64-document block can reach the 75th score; in this order about 1 in 10.
///
/// Immutable and shared by reference: the index and its learned fields use the same instance,
/// and a search combines their blocks only when they do (``BlockMaxPostings/blocks``).
final class DocumentBlocks: Sendable {
    /// Documents per block: a power of two from 8 to 128.
    let size: Int
    /// log2 of ``size``.
    let shift: Int
    /// The document at each position.
    let docAt: [Int32]
    /// The position of each document.
    let positionOf: [Int32]

    var documentCount: Int { docAt.count }
    var blockCount: Int { (docAt.count + size - 1) >> shift }

    /// The block size for `n` documents: the power of two nearest below √n / 2, within 8...128
    /// (16 for 1,500 documents, 64 for 20,000). Smaller blocks give tighter bounds but more
    /// blocks to bound; √n balances the two (measured, BENCHMARKS.md).
    static func size(documentCount n: Int) -> Int {
        let target = Double(n).squareRoot() / 2
        var size = 8
        while size < 128 && Double(size * 2) <= target { size *= 2 }
        return size
    }

    /// Blocks over `n` documents, ordered by each document's strongest terms, from every term's
    /// postings (`termDocs[t]`, `termImpacts[t]`, any order) and idf.
    init(documentCount n: Int, termDocs: [[Int32]], termImpacts: [[Float]], idfs: [Float]) {
        size = Self.size(documentCount: n)
        shift = size.trailingZeroBitCount
        // Each document's three strongest terms (term id, strength), strongest first.
        let none = (term: Int32.max, strength: -Float.infinity)
        var strongest = [(term: Int32, strength: Float)](repeating: none, count: 3 * n)
        @inline(__always) func stronger(_ a: (term: Int32, strength: Float), _ b: (term: Int32, strength: Float))
            -> Bool
        {
            a.strength > b.strength || (a.strength == b.strength && a.term < b.term)
        }
        for t in termDocs.indices {
            let idf = t < idfs.count ? idfs[t] : 0
            for (d, impact) in zip(termDocs[t], termImpacts[t]) where Int(d) < n {
                var entry = (term: Int32(t), strength: idf * impact)
                let base = 3 * Int(d)
                for j in 0..<3 where stronger(entry, strongest[base + j]) { swap(&entry, &strongest[base + j]) }
            }
        }
        let order = (0..<n).sorted { a, b in
            for j in 0..<3 {
                let x = strongest[3 * a + j].term
                let y = strongest[3 * b + j].term
                if x != y { return x < y }
            }
            return a < b
        }
        docAt = order.map { Int32($0) }
        var positions = [Int32](repeating: 0, count: n)
        for (p, d) in order.enumerated() { positions[d] = Int32(p) }
        positionOf = positions
    }
}
