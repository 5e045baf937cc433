import FlywheelCore

extension BM25Index {
    /// Builds (and from now on maintains) what the pruned search walks: the postings in blocks
    /// of similar documents (``BlockMaxPostings``) and, for the learned stage's parts, flat.
    public mutating func preparePruning() {
        guard !keepsFlatPostings else { return }
        keepsFlatPostings = true
        refreshPruning()
    }

    /// From this many articles on, ``searchDocuments(terms:depth:)`` prunes by default (and the
    /// index keeps its block layout without ``preparePruning()``). Measured on generated
    /// marketplace corpora (BENCHMARKS.md, "Dense impact rows"): with the dense-row pass,
    /// block-max is slower than scoring every document at 1,500 and 20,000 articles and faster
    /// at 80,000; the two cross near 35,000 (interpolated, not measured there).
    public static let blockMaxFromDocuments = 32_768

    /// Whether ``searchDocuments(terms:depth:)`` prunes: large enough, and the layout built.
    var usesBlockMaxByDefault: Bool { articles.count >= Self.blockMaxFromDocuments && blockMax != nil }

    /// Rebuilds the pruning layouts from the postings (after any change to them or to the
    /// idfs): the flat postings once pruning was prepared, the blocks then or when large enough.
    mutating func refreshPruning() {
        guard keepsFlatPostings || articles.count >= Self.blockMaxFromDocuments else {
            blockMax = nil
            return
        }
        let docs = postings.map(\.docs)
        let impacts = postings.map(\.impacts)
        if keepsFlatPostings { flat = FlatPostings(docs: docs, impacts: impacts) }
        let blocks = DocumentBlocks(documentCount: articles.count, termDocs: docs, termImpacts: impacts, idfs: idfs)
        blockMax = BlockMaxPostings(blocks: blocks, termDocs: docs, termImpacts: impacts)
    }

    /// ``searchDocuments(terms:depth:)``'s list, scores included, found by block-max pruning
    /// (``BlockMaxTopK``) without scoring every matching document. Call ``preparePruning()``
    /// first.
    public func searchDocumentsPruned(terms: [String], depth: Int) -> [(document: Int, score: Float)] {
        precondition(keepsFlatPostings, "searchDocumentsPruned needs preparePruning() first")
        return prunedTop(queryTermIDs(terms), depth: depth).map { (Int($0.doc), $0.score) }
    }

    /// Block-max top-`depth` for a query from ``queryTermIDs(_:)``.
    func prunedTop(_ query: [(term: Int32, count: Int)], depth: Int) -> [(doc: Int32, score: Float)] {
        guard depth > 0, !query.isEmpty, let blockMax else { return [] }
        return withUnsafeTemporaryAllocation(of: BlockCursor.self, capacity: query.count) { lists in
            var m = 0
            idfs.withUnsafeBufferPointer { idfs in
                for (t, count) in query {
                    // Same weight as the term-at-a-time pass: count · idf.
                    if let c = blockMax.cursor(term: t, weight: Float(count) * idfs[Int(t)]) {
                        (lists.baseAddress! + m).initialize(to: c)
                        m += 1
                    }
                }
            }
            return idRank.withUnsafeBufferPointer { ranks in
                docOfRank.withUnsafeBufferPointer { byRank in
                    withExtendedLifetime(blockMax) {
                        BlockMaxTopK.top(
                            UnsafeMutableBufferPointer(rebasing: lists[0..<m]), blocks: blockMax.blocks, k: depth,
                            idRank: ranks, docOfRank: byRank)
                    }
                }
            }
        }
    }
}
