import FlywheelCore

extension LearnedRetriever {
    /// ``search(terms:depth:)``'s list, scores included, by block-max pruning (``prunedTop(_:depth:)``).
    public func searchPruned(terms: [String], depth: Int) -> [RankedList.Entry] {
        prunedTop(fieldQueries(terms), depth: depth).map {
            RankedList.Entry(article: index.articles[Int($0.doc)].id, score: Double($0.score))
        }
    }

    /// ``retrieve(_:depth:attachingParts:)`` with parts, by block-max pruning: the parts of the listed
    /// documents only (``listedParts(terms:documents:)``), bit-identical to the default's.
    func retrievePruned(_ ticket: Ticket, depth: Int) -> RankedList {
        let terms = index.analyzer.queryTerms(ticket.text)
        let top = prunedTop(fieldQueries(terms), depth: depth)
        return RankedList(
            ticket: ticket.id,
            entries: top.map { RankedList.Entry(article: index.articles[Int($0.doc)].id, score: Double($0.score)) },
            attachment: listedParts(terms: terms, documents: top.map(\.doc)))
    }

    /// The best `depth` documents for a query's field lists, by block-max pruning
    /// (``BlockMaxTopK``) over the BM25 and expansion postings: exactly the list, scores
    /// included, of ``exhaustiveTop(_:depth:)``. With a demotion field (shares that subtract,
    /// which the bounds do not cover), or an expansion field compiled over other blocks than the
    /// index's, every matching document is scored.
    func prunedTop(_ q: FieldQueries, depth: Int) -> [(doc: Int32, score: Float)] {
        guard depth > 0 else { return [] }
        guard q.demotion.isEmpty else { return exhaustiveTop(q, depth: depth) }
        precondition(index.keepsFlatPostings, "the pruned search needs preparePruning() first")
        guard let bm25 = index.blockMax else { return [] }
        let expansion = expansionField.blockMax
        guard q.expansion.isEmpty || expansion?.blocks === bm25.blocks else { return exhaustiveTop(q, depth: depth) }
        return withUnsafeTemporaryAllocation(of: BlockCursor.self, capacity: q.bm25.count + q.expansion.count) {
            lists in
            var m = 0
            func add(_ c: BlockCursor?) {
                guard let c else { return }
                (lists.baseAddress! + m).initialize(to: c)
                m += 1
            }
            // The weights of the term-at-a-time pass, in its order: count · idf, then
            // (strength · count) · idf.
            for (t, count) in q.bm25 { add(bm25.cursor(term: t, weight: Float(count) * index.idfs[Int(t)])) }
            if let expansion {
                for (t, count) in q.expansion {
                    add(expansion.cursor(term: t, weight: q.strength * Float(count) * expansionField.idfs[Int(t)]))
                }
            }
            return index.idRank.withUnsafeBufferPointer { ranks in
                index.docOfRank.withUnsafeBufferPointer { byRank in
                    withExtendedLifetime((bm25, expansion)) {
                        BlockMaxTopK.top(
                            UnsafeMutableBufferPointer(rebasing: lists[0..<m]), blocks: bm25.blocks, k: depth,
                            idRank: ranks, docOfRank: byRank)
                    }
                }
            }
        }
    }

    /// The first-stage parts of the listed `documents` only (what ``FirstStageParts`` keeps),
    /// each bit-identical to ``scoreVectors(terms:)``'s entry for the document.
    func listedParts(terms: [String], documents: [Int32]) -> FirstStageParts {
        let bm25Query = index.queryTermIDs(terms)
        let bm25 = index.flat.sums(bm25Query, idfs: index.idfs, documents: documents)
        let expansion = expansionField.flat.sums(
            expansionField.query(terms), idfs: expansionField.idfs, documents: documents)
        let demotion = demotionField.flat.sums(
            demotionField.query(terms), idfs: demotionField.idfs, documents: documents)
        return FirstStageParts(
            state: compiledState, documents: documents, bm25: bm25.scores, expansion: expansion.scores,
            demotion: demotion.scores, matchedTerms: bm25.matched, distinctTerms: bm25Query.count)
    }
}
