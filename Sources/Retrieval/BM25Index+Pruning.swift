import FlywheelCore

extension BM25Index {
    /// Builds (and from now on maintains) the flat postings the pruned search walks.
    public mutating func preparePruning() {
        guard !keepsFlatPostings else { return }
        keepsFlatPostings = true
        flat = FlatPostings(docs: postings.map(\.docs), impacts: postings.map(\.impacts))
    }

    /// ``searchDocuments(terms:depth:)``'s list, scores included, found by MaxScore
    /// (``MaxScoreTopK``) without scoring every matching document.
    ///
    /// Not the default: on the corpora measured (1.5k and 20k articles, ticket queries of ~15
    /// terms over a small vocabulary) it is slower than the SIMD exhaustive pass, see
    /// BENCHMARKS.md ("First-stage pruning"). Call ``preparePruning()`` first.
    public func searchDocumentsPruned(terms: [String], depth: Int) -> [(document: Int, score: Float)] {
        precondition(keepsFlatPostings, "searchDocumentsPruned needs preparePruning() first")
        return prunedTop(queryTermIDs(terms), depth: depth).map { (Int($0.doc), $0.score) }
    }

    /// MaxScore top-`depth` for a query from ``queryTermIDs(_:)``.
    func prunedTop(_ query: [(term: Int32, count: Int)], depth: Int) -> [(doc: Int32, score: Float)] {
        guard depth > 0, !query.isEmpty else { return [] }
        return flat.withBuffers { docs, impacts in
            var lists: [PostingCursor] = []
            lists.reserveCapacity(query.count)
            FlatPostings.cursors(
                query, scale: nil, idfs: idfs, maxImpacts: flat.maxImpacts, starts: flat.starts, docs: docs,
                impacts: impacts, into: &lists)
            return idRank.withUnsafeBufferPointer { ranks in
                MaxScoreTopK.top(lists, documentCount: articles.count, k: depth, idRank: ranks)
            }
        }
    }
}
