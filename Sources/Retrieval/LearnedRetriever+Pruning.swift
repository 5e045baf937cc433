import FlywheelCore

extension LearnedRetriever {
    /// ``search(terms:depth:)``'s list, scores included, by MaxScore (``prunedTop(_:depth:)``).
    /// Not the default (slower on the corpora measured; BENCHMARKS.md, "First-stage pruning").
    public func searchPruned(terms: [String], depth: Int) -> [RankedList.Entry] {
        prunedTop(fieldQueries(terms), depth: depth).map {
            RankedList.Entry(article: index.articles[Int($0.doc)].id, score: Double($0.score))
        }
    }

    /// ``retrieve(_:depth:attachingParts:)`` with parts, by MaxScore: the parts of the listed
    /// documents only (``listedParts(terms:documents:)``), bit-identical to the default's.
    func retrievePruned(_ ticket: Ticket, depth: Int) -> RankedList {
        let terms = index.analyzer.queryTerms(ticket.text)
        let top = prunedTop(fieldQueries(terms), depth: depth)
        return RankedList(
            ticket: ticket.id,
            entries: top.map { RankedList.Entry(article: index.articles[Int($0.doc)].id, score: Double($0.score)) },
            attachment: listedParts(terms: terms, documents: top.map(\.doc)))
    }

    /// The best `depth` documents for a query's field lists, by MaxScore (``MaxScoreTopK``) over
    /// the BM25 and expansion postings: exactly the list, scores included, of
    /// ``exhaustiveTop(_:depth:)``. With a demotion field (shares that subtract, which the
    /// bounds do not cover) every matching document is scored.
    func prunedTop(_ q: FieldQueries, depth: Int) -> [(doc: Int32, score: Float)] {
        guard depth > 0 else { return [] }
        guard q.demotion.isEmpty else { return exhaustiveTop(q, depth: depth) }
        precondition(index.keepsFlatPostings, "the pruned search needs preparePruning() first")
        return index.flat.withBuffers { bDocs, bImpacts in
            expansionField.flat.withBuffers { eDocs, eImpacts in
                var lists: [PostingCursor] = []
                lists.reserveCapacity(q.bm25.count + q.expansion.count)
                FlatPostings.cursors(
                    q.bm25, scale: nil, idfs: index.idfs, maxImpacts: index.flat.maxImpacts,
                    starts: index.flat.starts, docs: bDocs, impacts: bImpacts, into: &lists)
                let e = expansionField
                FlatPostings.cursors(
                    q.expansion, scale: q.strength, idfs: e.idfs, maxImpacts: e.flat.maxImpacts,
                    starts: e.flat.starts, docs: eDocs, impacts: eImpacts, into: &lists)
                return index.idRank.withUnsafeBufferPointer { ranks in
                    MaxScoreTopK.top(lists, documentCount: index.documentCount, k: depth, idRank: ranks)
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
