/// The impacts of an index's most frequent terms again, as dense rows indexed by document
/// (0 where the document lacks the term), so the term-at-a-time pass adds such a term's shares
/// with 8-lane multiply-adds instead of one scattered add per posting.
///
/// A term gets a row when at least one document in ``densityDivisor`` holds it: a scattered
/// add costs about as much as one 8-lane add (a load of the document number, a dependent load
/// and store), so from about one document in eight on the row is the cheaper walk. On the
/// generated corpora (BENCHMARKS.md, "Dense impact rows") such terms hold 85–87% of a query's
/// postings. Memory: one `Float` per document and dense term (at most `4 · N` bytes for a term
/// whose postings take `12 · df ≥ 1.5 · N`).
///
/// Scores are bit-identical to the scattered adds: a document gets the same product
/// weight × impact in the same term order, and an absent one gets weight × 0 = +0, which leaves
/// a sum unchanged (every weight is finite and ≥ 0).
struct DenseImpactRows: Sendable {
    /// A term with at least `documentCount / densityDivisor` postings gets a row.
    static let densityDivisor = 8
    /// Below this many documents no row is kept (the scattered walk is a few adds).
    static let minimumDocuments = 64

    /// Per term: its row's number, or −1 when it has none.
    private(set) var rowOf: [Int32] = []
    /// The rows, `documentCount` values each.
    private(set) var values: [Float] = []
    private(set) var documentCount = 0

    init() {}

    /// Rows for the frequent terms of `termDocs[t]` / `termImpacts[t]` (equal lengths, one
    /// posting per document and term) over `documentCount` documents.
    init(documentCount n: Int, termDocs: [[Int32]], termImpacts: [[Float]]) {
        documentCount = n
        rowOf = [Int32](repeating: -1, count: termDocs.count)
        guard n >= Self.minimumDocuments else { return }
        var rows = 0
        for t in termDocs.indices where Self.densityDivisor * termDocs[t].count >= n {
            rowOf[t] = Int32(rows)
            rows += 1
        }
        values = [Float](repeating: 0, count: rows * n)
        values.withUnsafeMutableBufferPointer { values in
            for t in termDocs.indices where rowOf[t] >= 0 {
                let base = Int(rowOf[t]) * n
                for (d, impact) in zip(termDocs[t], termImpacts[t]) { values[base + Int(d)] = impact }
            }
        }
    }

    /// The number of rows.
    var rowCount: Int { documentCount == 0 ? 0 : values.count / documentCount }

    /// `scores[d] += w * row[d]` for every document, 8 lanes at a time: the same Float multiply
    /// and add per document as one at a time (also the block bounds' loop, ``BlockMaxTopK``).
    /// `fromZero`: the scores are not read but taken as 0 (uninitialized memory may be passed),
    /// the same sums as after zeroing them.
    @inline(__always)
    static func addScaled(
        _ row: UnsafePointer<Float>, _ w: Float, into scores: UnsafeMutableBufferPointer<Float>,
        fromZero: Bool = false
    ) {
        let n = scores.count
        let chunks = n / 8
        let out = UnsafeMutableRawPointer(scores.baseAddress!)
        let source = UnsafeRawPointer(row)
        let weight = SIMD8<Float>(repeating: w)
        for i in 0..<chunks {
            let sum =
                (fromZero ? SIMD8<Float>() : out.loadUnaligned(fromByteOffset: i &* 32, as: SIMD8<Float>.self))
                + weight * source.loadUnaligned(fromByteOffset: i &* 32, as: SIMD8<Float>.self)
            out.storeBytes(of: sum, toByteOffset: i &* 32, as: SIMD8<Float>.self)
        }
        for d in (chunks * 8)..<n { scores[d] = (fromZero ? 0 : scores[d]) + w * row[d] }
    }

    /// ``addScaled(_:_:into:)`` with two rows in one walk: `scores[d] = (scores[d] + wa · a[d]) + wb · b[d]`,
    /// the same operations in the same order as two walks, with the scores read and written once.
    @inline(__always)
    static func addScaled(
        _ a: UnsafePointer<Float>, _ wa: Float, _ b: UnsafePointer<Float>, _ wb: Float,
        into scores: UnsafeMutableBufferPointer<Float>, fromZero: Bool = false
    ) {
        let n = scores.count
        let chunks = n / 8
        let out = UnsafeMutableRawPointer(scores.baseAddress!)
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        let va = SIMD8<Float>(repeating: wa)
        let vb = SIMD8<Float>(repeating: wb)
        for i in 0..<chunks {
            let o = i &* 32
            var sum = fromZero ? SIMD8<Float>() : out.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            sum = sum + va * ra.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            sum = sum + vb * rb.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            out.storeBytes(of: sum, toByteOffset: o, as: SIMD8<Float>.self)
        }
        for d in (chunks * 8)..<n { scores[d] = ((fromZero ? 0 : scores[d]) + wa * a[d]) + wb * b[d] }
    }

    /// ``addScaled(_:_:into:)`` with four rows in one walk, in the order given.
    @inline(__always)
    static func addScaled(
        _ rows: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>),
        _ weights: SIMD4<Float>, into scores: UnsafeMutableBufferPointer<Float>, fromZero: Bool = false
    ) {
        let n = scores.count
        let chunks = n / 8
        let out = UnsafeMutableRawPointer(scores.baseAddress!)
        let r0 = UnsafeRawPointer(rows.0)
        let r1 = UnsafeRawPointer(rows.1)
        let r2 = UnsafeRawPointer(rows.2)
        let r3 = UnsafeRawPointer(rows.3)
        let w0 = SIMD8<Float>(repeating: weights[0])
        let w1 = SIMD8<Float>(repeating: weights[1])
        let w2 = SIMD8<Float>(repeating: weights[2])
        let w3 = SIMD8<Float>(repeating: weights[3])
        for i in 0..<chunks {
            let o = i &* 32
            var sum = fromZero ? SIMD8<Float>() : out.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            sum = sum + w0 * r0.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            sum = sum + w1 * r1.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            sum = sum + w2 * r2.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            sum = sum + w3 * r3.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            out.storeBytes(of: sum, toByteOffset: o, as: SIMD8<Float>.self)
        }
        for d in (chunks * 8)..<n {
            scores[d] =
                ((((fromZero ? 0 : scores[d]) + weights[0] * rows.0[d]) + weights[1] * rows.1[d]) + weights[2]
                    * rows.2[d])
                + weights[3] * rows.3[d]
        }
    }
}
