import FlywheelCore

extension BM25Index {
    /// The best `depth` articles for `ticket`'s text, best first (ties by article id descending).
    public func retrieve(_ ticket: Ticket, depth: Int) -> RankedList {
        RankedList(ticket: ticket.id, entries: search(terms: analyzer.terms(ticket.text), depth: depth))
    }

    /// The best `depth` articles for already-analyzed query `terms` (repeats count each time).
    public func search(terms: [String], depth: Int) -> [RankedList.Entry] {
        searchDocuments(terms: terms, depth: depth).map {
            RankedList.Entry(article: articles[$0.document].id, score: Double($0.score))
        }
    }

    /// As ``search(terms:depth:)`` but returns internal document numbers (see
    /// ``articleID(ofDocument:)``) and single-precision scores: the hot path, for callers that
    /// map ids themselves (the bm25s benchmark compares with bm25s's document indices). By
    /// block-max pruning (``searchDocumentsPruned(terms:depth:)``) from
    /// ``blockMaxFromDocuments`` articles on, else every matching document scored
    /// (``searchDocumentsExhaustive(terms:depth:)``): the same list either way.
    public func searchDocuments(terms: [String], depth: Int) -> [(document: Int, score: Float)] {
        if usesBlockMaxByDefault {
            return prunedTop(queryTermIDs(terms), depth: depth).map { (Int($0.doc), $0.score) }
        }
        return searchDocumentsExhaustive(terms: terms, depth: depth)
    }

    /// ``searchDocuments(terms:depth:)``'s list with every matching document scored (term at a
    /// time into a flat array, SIMD top-k).
    public func searchDocumentsExhaustive(terms: [String], depth: Int) -> [(document: Int, score: Float)] {
        let query = queryTermIDs(terms)
        let n = max(articles.count, 1)
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scores in
            addShares(query, into: scores, zeroed: false)
            return idRank.withUnsafeBufferPointer { ranks in
                docOfRank.withUnsafeBufferPointer { byRank in
                    TopKSelection.topPositive(
                        UnsafeBufferPointer(scores), k: depth, idRank: ranks, docOfRank: byRank,
                        ranksAreDocuments: ranksAreDocuments
                    ) { (document: Int($0), score: $1) }
                }
            }
        }
    }

    /// Adds the BM25 share (count · idf · impact) of every posting of the query's terms into
    /// `scores` (indexed by document number, one per article), term after term in the query's
    /// order: a frequent term's dense row (``DenseImpactRows``) 8 lanes at a time — up to four
    /// consecutive such terms in one walk over the scores — any other term posting by posting.
    /// Every document ends with the same Float sum either way.
    ///
    /// Not `zeroed` (`scores` may be uninitialized), the first walk over dense rows writes the
    /// scores from 0 instead of adding to them — when the query's first term has a row, the
    /// array is never zeroed separately — else the scores are zeroed before the first posting.
    func addShares(
        _ query: [(term: Int32, count: Int)], into scores: UnsafeMutableBufferPointer<Float>, zeroed: Bool = true
    ) {
        let rowsFit = dense.documentCount == scores.count
        postings.withUnsafeBufferPointer { lists in
            idfs.withUnsafeBufferPointer { idfs in
                dense.rowOf.withUnsafeBufferPointer { rowOf in
                    dense.values.withUnsafeBufferPointer { rows in
                        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: 4) { pending in
                            var weights = SIMD4<Float>()
                            var count = 0
                            // Whether the scores still await their first write.
                            var fresh = !zeroed
                            // The pending rows, added in their order (4, 2 + 1, 2 or 1 per walk).
                            func flush() {
                                switch count {
                                case 4:
                                    DenseImpactRows.addScaled(
                                        (pending[0], pending[1], pending[2], pending[3]), weights, into: scores,
                                        fromZero: fresh)
                                case 3:
                                    DenseImpactRows.addScaled(
                                        pending[0], weights[0], pending[1], weights[1], into: scores, fromZero: fresh)
                                    DenseImpactRows.addScaled(pending[2], weights[2], into: scores)
                                case 2:
                                    DenseImpactRows.addScaled(
                                        pending[0], weights[0], pending[1], weights[1], into: scores, fromZero: fresh)
                                case 1:
                                    DenseImpactRows.addScaled(pending[0], weights[0], into: scores, fromZero: fresh)
                                default:
                                    return
                                }
                                count = 0
                                fresh = false
                            }
                            for (t, times) in query {
                                let weight = Float(times) * idfs[Int(t)]
                                let row = rowsFit ? Int(rowOf[Int(t)]) : -1
                                if row >= 0 {
                                    pending[count] = UnsafePointer(rows.baseAddress! + row * scores.count)
                                    weights[count] = weight
                                    count += 1
                                    if count == 4 { flush() }
                                    continue
                                }
                                flush()
                                if fresh {
                                    scores.initialize(repeating: 0)
                                    fresh = false
                                }
                                lists[Int(t)].docs.withUnsafeBufferPointer { docs in
                                    lists[Int(t)].impacts.withUnsafeBufferPointer { impacts in
                                        for i in 0..<docs.count { scores[Int(docs[i])] += weight * impacts[i] }
                                    }
                                }
                            }
                            flush()
                            if fresh { scores.initialize(repeating: 0) }
                        }
                    }
                }
            }
        }
    }

    /// The article with internal document number `document`.
    public func articleID(ofDocument document: Int) -> ArticleID { articles[document].id }

    /// The BM25 score of one article for analyzed query `terms` (0 when unpublished).
    public func score(terms: [String], article id: ArticleID) -> Double {
        guard let doc = documentNumbers[id] else { return 0 }
        return score(query: queryTermIDs(terms), doc: doc)
    }

    /// The BM25 score of document `doc` for a query from ``queryTermIDs(_:)`` (computed once
    /// when one query scores many documents).
    func score(query: [(term: Int32, count: Int)], doc: Int32) -> Double {
        var total: Float = 0
        for (t, count) in query {
            let p = postings[Int(t)]
            guard let i = p.docs.firstIndex(of: doc) else { continue }
            total += Float(count) * idf(t) * p.impacts[i]
        }
        return Double(total)
    }

    /// ``score(query:doc:)`` of every document at once, indexed by document number (the same
    /// Float sums in the same term order; each document has one posting per term).
    func scores(query: [(term: Int32, count: Int)]) -> [Float] {
        var out = [Float](repeating: 0, count: articles.count)
        for (t, count) in query {
            let w = Float(count) * idf(t)
            let p = postings[Int(t)]
            for i in p.docs.indices { out[Int(p.docs[i])] += w * p.impacts[i] }
        }
        return out
    }

    /// The query's known terms as (term id, times it occurs), in term-id order.
    func queryTermIDs(_ terms: [String]) -> [(term: Int32, count: Int)] { termIDs.counts(of: terms) }

    /// The idf of `term` (cached by ``refreshStatistics()``).
    @inline(__always)
    func idf(_ term: Int32) -> Float { idfs[Int(term)] }

    /// Adds the BM25 score of every posting of the query's terms into `acc`.
    ///
    /// Untracked (`tracked: false`), the documents are not listed as touched: for callers whose
    /// every addition is positive, which then select with ``ScoreAccumulator/topPositive(_:idRank:docOfRank:)``.
    func accumulate(_ query: [(term: Int32, count: Int)], into acc: inout ScoreAccumulator, tracked: Bool = true) {
        guard tracked else { return addShares(query, into: acc.scores) }
        postings.withUnsafeBufferPointer { lists in
            for (t, count) in query {
                let weight = Float(count) * idfs[Int(t)]
                lists[Int(t)].docs.withUnsafeBufferPointer { docs in
                    lists[Int(t)].impacts.withUnsafeBufferPointer { impacts in
                        for i in 0..<docs.count { acc.add(docs[i], weight * impacts[i]) }
                    }
                }
            }
        }
    }

    /// ``accumulate(_:into:tracked:)`` that also counts, per document, the query terms it
    /// contains into `matched` (indexed by document number).
    func accumulate(
        _ query: [(term: Int32, count: Int)], into acc: inout ScoreAccumulator, tracked: Bool,
        counting matched: UnsafeMutableBufferPointer<Int32>
    ) {
        postings.withUnsafeBufferPointer { lists in
            for (t, count) in query {
                let weight = Float(count) * idfs[Int(t)]
                lists[Int(t)].docs.withUnsafeBufferPointer { docs in
                    lists[Int(t)].impacts.withUnsafeBufferPointer { impacts in
                        for i in 0..<docs.count {
                            if tracked {
                                acc.add(docs[i], weight * impacts[i])
                            } else {
                                acc.addUntracked(docs[i], weight * impacts[i])
                            }
                            matched[Int(docs[i])] += 1
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` with a zeroed accumulator sized to the index, in temporary (stack) memory.
    func withAccumulator<R>(_ body: (inout ScoreAccumulator) -> R) -> R {
        let n = max(articles.count, 1)
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scores in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { seen in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { touched in
                    var acc = ScoreAccumulator(scores: scores, seen: seen, touched: touched)
                    return body(&acc)
                }
            }
        }
    }
}
