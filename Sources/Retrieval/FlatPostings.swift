/// Every term's postings in one flat layout, each term's documents ascending, with the term's
/// largest impact: what ``sums(_:idfs:documents:)`` walks to score a few listed documents.
///
/// Built from per-term lists (``BM25Index``'s postings, a ``LearnedField``'s) whenever those
/// change; the per-term lists stay the source of truth for term-at-a-time scoring. Sorting a
/// term's postings changes no score: each document has one posting per term.
struct FlatPostings: Sendable {
    var docs: [Int32] = []
    var impacts: [Float] = []
    /// Term t's postings are at `starts[t]..<starts[t + 1]`.
    var starts: [Int] = [0]
    /// The largest impact of each term (0 for a term without postings).
    var maxImpacts: [Float] = []

    init() {}

    /// The layout of `docs[t]` / `impacts[t]` for every term t (the two lists of a term have
    /// equal lengths; their order does not matter).
    init(docs termDocs: [[Int32]], impacts termImpacts: [[Float]]) {
        let total = termDocs.reduce(0) { $0 + $1.count }
        docs.reserveCapacity(total)
        impacts.reserveCapacity(total)
        starts.reserveCapacity(termDocs.count + 1)
        maxImpacts.reserveCapacity(termDocs.count)
        for (ds, im) in zip(termDocs, termImpacts) {
            if zip(ds, ds.dropFirst()).allSatisfy({ $0 < $1 }) {
                docs.append(contentsOf: ds)
                impacts.append(contentsOf: im)
            } else {
                for i in ds.indices.sorted(by: { ds[$0] < ds[$1] }) {
                    docs.append(ds[i])
                    impacts.append(im[i])
                }
            }
            starts.append(docs.count)
            maxImpacts.append(im.max() ?? 0)
        }
    }

    /// Appends to `lists` one cursor per query term, in the query's order, each weighted
    /// `scale · count · idf(t)` (the product exhaustive scoring uses, in the same order).
    /// Call inside ``withBuffers(_:)`` so the pointers stay valid.
    static func cursors(
        _ query: [(term: Int32, count: Int)], scale: Float?, idfs: [Float], maxImpacts: [Float], starts: [Int],
        docs: UnsafeBufferPointer<Int32>, impacts: UnsafeBufferPointer<Float>, into lists: inout [PostingCursor]
    ) {
        guard let docBase = docs.baseAddress, let impactBase = impacts.baseAddress else { return }
        for (t, count) in query {
            let term = Int(t)
            // Same association as the term-at-a-time loops: (scale · count) · idf.
            let weight = scale.map { $0 * Float(count) * idfs[term] } ?? Float(count) * idfs[term]
            let start = starts[term]
            lists.append(
                PostingCursor(
                    docs: docBase + start, impacts: impactBase + start, count: starts[term + 1] - start,
                    weight: weight, bound: Double(weight) * Double(maxImpacts[term])))
        }
    }

    /// Runs `body` with pointers to the flat arrays.
    func withBuffers<R>(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Float>) -> R) -> R {
        docs.withUnsafeBufferPointer { d in impacts.withUnsafeBufferPointer { i in body(d, i) } }
    }
}

extension FlatPostings {
    /// For each of `documents` (any order), its score for `query` with weights count · idf(t),
    /// summed in the query's order from zero (bit-identical to a term-at-a-time pass), and how
    /// many of the query's terms it holds.
    func sums(
        _ query: [(term: Int32, count: Int)], idfs: [Float], documents: [Int32]
    ) -> (scores: [Float], matched: [Int32]) {
        var scores = [Float](repeating: 0, count: documents.count)
        var matched = [Int32](repeating: 0, count: documents.count)
        guard !query.isEmpty, !documents.isEmpty else { return (scores, matched) }
        let order = documents.indices.sorted { documents[$0] < documents[$1] }
        withBuffers { docs, impacts in
            var lists: [PostingCursor] = []
            FlatPostings.cursors(
                query, scale: nil, idfs: idfs, maxImpacts: maxImpacts, starts: starts, docs: docs, impacts: impacts,
                into: &lists)
            for j in lists.indices {
                for i in order {
                    lists[j].advance(to: documents[i])
                    if let s = lists[j].share(of: documents[i]) {
                        scores[i] += s
                        matched[i] += 1
                    }
                }
            }
        }
        return (scores, matched)
    }
}
