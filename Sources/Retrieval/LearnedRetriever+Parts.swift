import FlywheelCore

/// The parts of the first-stage score of every article for one query, in flat arrays indexed
/// by document number: what the reranker's features read.
struct ScoreVectors {
    var bm25: [Float]
    var expansion: [Float]
    var demotion: [Float]
    /// How many of the query's distinct indexed terms each article contains.
    var matchedTerms: [Int32]
    /// The query's distinct terms known to the index.
    var distinctTerms: Int
}

extension LearnedRetriever {
    /// BM25, expansion and demotion scores (before `strength`) of every article for `terms`.
    func scoreVectors(terms: [String]) -> ScoreVectors {
        let n = index.documentCount
        var v = ScoreVectors(
            bm25: Array(repeating: 0, count: n), expansion: Array(repeating: 0, count: n),
            demotion: Array(repeating: 0, count: n), matchedTerms: Array(repeating: 0, count: n), distinctTerms: 0)
        let query = index.queryTermIDs(terms)
        v.distinctTerms = query.count
        // Only buffer pointers inside the closures: one touching `self` would copy the retriever.
        v.bm25.withUnsafeMutableBufferPointer { bm25 in
            v.matchedTerms.withUnsafeMutableBufferPointer { matched in
                index.postings.withUnsafeBufferPointer { lists in
                    index.idfs.withUnsafeBufferPointer { idfs in
                        for (t, count) in query {
                            let w = Float(count) * idfs[Int(t)]
                            lists[Int(t)].docs.withUnsafeBufferPointer { docs in
                                lists[Int(t)].impacts.withUnsafeBufferPointer { impacts in
                                    for i in 0..<docs.count {
                                        let d = Int(docs[i])
                                        bm25[d] += w * impacts[i]
                                        matched[d] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        func add(_ field: LearnedField, into target: inout [Float]) {
            for (t, count) in field.query(terms) {
                let w = Float(count) * field.idfs[Int(t)]
                let docs = field.docs[Int(t)]
                let impacts = field.impacts[Int(t)]
                for i in docs.indices { target[Int(docs[i])] += w * impacts[i] }
            }
        }
        add(expansionField, into: &v.expansion)
        add(demotionField, into: &v.demotion)
        return v
    }
}
