import FlywheelCore

/// The first-stage score parts of the listed candidates, by list position, computed by the
/// search that listed them (``LearnedRetriever/retrieve(_:depth:attachingParts:)``): the
/// reranker's features read them instead of scoring every article again.
///
/// Each value is bit-for-bit what ``LearnedRetriever/scoreVectors(terms:)`` gives for the
/// document (the same Float products added in the same term order), so features, and every
/// result, are the same with or without them.
final class FirstStageParts: RankedListAttachment {
    /// The compiled state of the retriever that listed the candidates: a reranker reads the
    /// parts only when its own retriever is in this very state.
    let state: LearnedRetriever.CompiledState
    let documents: [Int32]
    let bm25: [Float]
    let expansion: [Float]
    let demotion: [Float]
    let matchedTerms: [Int32]
    /// The query's distinct terms known to the index.
    let distinctTerms: Int

    init(
        state: LearnedRetriever.CompiledState, documents: [Int32], vectors v: ScoreVectors
    ) {
        self.state = state
        self.documents = documents
        bm25 = documents.map { v.bm25[Int($0)] }
        expansion = documents.map { v.expansion[Int($0)] }
        demotion = documents.map { v.demotion[Int($0)] }
        matchedTerms = documents.map { v.matchedTerms[Int($0)] }
        distinctTerms = v.distinctTerms
    }

    init(
        state: LearnedRetriever.CompiledState, documents: [Int32], bm25: [Float], expansion: [Float],
        demotion: [Float], matchedTerms: [Int32], distinctTerms: Int
    ) {
        self.state = state
        self.documents = documents
        self.bm25 = bm25
        self.expansion = expansion
        self.demotion = demotion
        self.matchedTerms = matchedTerms
        self.distinctTerms = distinctTerms
    }
}

extension LearnedRetriever {
    /// Identifies what the retriever scores with (its index and learned fields) by how it came
    /// to be: the start hashes the settings, articles and model it was built from, and every
    /// change hashes the state before it with the change itself (the marks and time of a
    /// retraining, the articles of a publication). Two copies of one retriever that
    /// went through the same changes — a first stage and the reranker's own feature index —
    /// share it, so the reranker reads the parts the first stage attached; any other pair
    /// differs (a model set from outside gets a random state).
    struct CompiledState: Hashable, Sendable {
        var key: Int

        static func fresh() -> CompiledState {
            CompiledState(key: Int(truncatingIfNeeded: UInt64.random(in: .min ... .max)))
        }

        func after(_ change: some Hashable) -> CompiledState {
            var h = Hasher()
            h.combine(key)
            h.combine(change)
            return CompiledState(key: h.finalize())
        }
    }

    public func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) -> RankedList {
        let terms = index.analyzer.queryTerms(ticket.text)
        guard attachingParts else { return RankedList(ticket: ticket.id, entries: search(terms: terms, depth: depth)) }
        let (top, vectors) = searchWithVectors(terms: terms, depth: depth)
        return RankedList(
            ticket: ticket.id,
            entries: top.map { RankedList.Entry(article: index.articles[Int($0.doc)].id, score: Double($0.score)) },
            attachment: FirstStageParts(state: compiledState, documents: top.map(\.doc), vectors: vectors))
    }

    /// ``search(terms:depth:)``'s top documents and ``scoreVectors(terms:)``, from one pass over
    /// the postings: the BM25 part is the accumulator right after the BM25 postings (they are
    /// added first, from zero, with the same products), the expansion part is summed beside
    /// the accumulator in the expansion loop, matched terms are counted in the BM25 loop.
    func searchWithVectors(terms: [String], depth: Int) -> (top: [(doc: Int32, score: Float)], vectors: ScoreVectors) {
        let q = fieldQueries(terms)
        let tracked = q.tracked
        let n = index.documentCount
        var v = ScoreVectors(
            bm25: Array(repeating: 0, count: n), expansion: Array(repeating: 0, count: n),
            demotion: [], matchedTerms: Array(repeating: 0, count: n), distinctTerms: q.bm25.count)
        let top = withUnsafePointer(to: self) { me in
            v.bm25.withUnsafeMutableBufferPointer { bm25 in
                v.expansion.withUnsafeMutableBufferPointer { expansion in
                    v.matchedTerms.withUnsafeMutableBufferPointer { matched in
                        me.pointee.index.withAccumulator { acc in
                            me.pointee.index.accumulate(q.bm25, into: &acc, tracked: tracked, counting: matched)
                            if n > 0 { bm25.baseAddress!.update(from: acc.scores.baseAddress!, count: n) }
                            me.pointee.expansionField.accumulate(
                                q.expansion, scale: q.strength, into: &acc, tracked: tracked, unscaled: expansion)
                            guard tracked else {
                                return acc.topPositive(
                                    depth, idRank: me.pointee.index.idRank, docOfRank: me.pointee.index.docOfRank)
                            }
                            me.pointee.demotionField.accumulate(
                                q.demotion, scale: q.demotionScale, onlySeen: true, into: &acc)
                            return acc.top(
                                depth, idRank: me.pointee.index.idRank, docOfRank: me.pointee.index.docOfRank)
                        }
                    }
                }
            }
        }
        // Without strength the search skips the expansion field; the feature still reads it.
        if q.expansion.isEmpty {
            v.expansion = expansionField.scores(query: expansionField.query(terms), documentCount: n)
        }
        v.demotion = demotionField.scores(query: demotionField.query(terms), documentCount: n)
        return (top, v)
    }
}
