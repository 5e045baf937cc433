import FlywheelCore

/// One learned pseudo-field (expansion or demotion) compiled against an index's document
/// numbers: its own vocabulary and postings, scored with BM25 where tf is the learned weight,
/// dl the article's total learned weight and df the number of articles with the term in this
/// field (N is the index's article count).
struct LearnedField: Sendable {
    var termIDs = TermTable()
    var docs: [[Int32]] = []
    var impacts: [[Float]] = []
    var idfs: [Float] = []
    /// The postings again, flat and sorted by document, for the listed documents' parts.
    var flat = FlatPostings()
    /// Its postings in the index's document blocks (``BlockMaxPostings``), once the index
    /// prepared pruning.
    var blockMax: BlockMaxPostings?

    init() {}

    /// The field of `weights`, listed by ascending article and term (``SurplusWeights``).
    init(sorted weights: SurplusWeights.Entries, index: BM25Index) {
        let k1 = index.parameters.k1
        let b = index.parameters.b
        var lengths: [Int32: Double] = [:]
        var entries: [(doc: Int32, term: String, weight: Double)] = []
        for (article, terms) in weights {
            guard let doc = index.documentNumbers[article] else { continue }
            for (term, w) in terms {
                entries.append((doc, term, w))
                lengths[doc, default: 0] += w
            }
        }
        guard !lengths.isEmpty else { return }
        // summed in document order: a sum in the dictionary's order (which follows its hash seed,
        // not the data) could differ in the last bit from one table to the next
        let avg = lengths.keys.sorted().reduce(0) { $0 + lengths[$1]! } / Double(lengths.count)
        for (doc, term, w) in entries {
            let id = termIDs.insert(term)  // ids are dense, in first-seen order
            if Int(id) == docs.count {
                docs.append([])
                impacts.append([])
            }
            let norm = k1 * (1 - b + b * lengths[doc]! / avg)
            docs[Int(id)].append(doc)
            impacts[Int(id)].append(Float(w * (k1 + 1) / (w + norm)))
        }
        let n = index.documentCount
        idfs = docs.map { Float(BM25Parameters.idf(documentFrequency: $0.count, documentCount: n)) }
        flat = FlatPostings(docs: docs, impacts: impacts)
        if index.keepsFlatPostings, let blocks = index.blockMax?.blocks {
            blockMax = BlockMaxPostings(blocks: blocks, termDocs: docs, termImpacts: impacts)
        }
    }

    /// Adds `scale` × this field's score into `acc`; with `onlySeen`, only for documents the
    /// accumulator already holds (demotion reorders candidates, it does not add any).
    /// Untracked (`tracked: false`, only with `scale` > 0 and not `onlySeen`), documents are
    /// not listed as touched (see ``BM25Index/accumulate(_:into:tracked:)``).
    func accumulate(
        _ query: [(term: Int32, count: Int)], scale: Float, onlySeen: Bool, into acc: inout ScoreAccumulator,
        tracked: Bool = true
    ) {
        for (t, count) in query {
            let w = scale * Float(count) * idfs[Int(t)]
            let ds = docs[Int(t)]
            let im = impacts[Int(t)]
            if !tracked {
                for i in 0..<ds.count { acc.addUntracked(ds[i], w * im[i]) }
                continue
            }
            for i in 0..<ds.count {
                if onlySeen && acc.seen[Int(ds[i])] == 0 { continue }
                acc.add(ds[i], w * im[i])
            }
        }
    }

    /// ``accumulate(_:scale:onlySeen:into:tracked:)`` (not `onlySeen`) that also adds this
    /// field's score before `scale` into `unscaled` (indexed by document number), with
    /// ``scores(query:documentCount:)``'s products and order.
    func accumulate(
        _ query: [(term: Int32, count: Int)], scale: Float, into acc: inout ScoreAccumulator, tracked: Bool,
        unscaled: UnsafeMutableBufferPointer<Float>
    ) {
        for (t, count) in query {
            let w = scale * Float(count) * idfs[Int(t)]
            let w0 = Float(count) * idfs[Int(t)]
            let ds = docs[Int(t)]
            let im = impacts[Int(t)]
            for i in 0..<ds.count {
                if tracked { acc.add(ds[i], w * im[i]) } else { acc.addUntracked(ds[i], w * im[i]) }
                unscaled[Int(ds[i])] += w0 * im[i]
            }
        }
    }

    /// The query's terms known to this field, as (term id, count) in term-id order.
    func query(_ terms: [String]) -> [(term: Int32, count: Int)] { termIDs.counts(of: terms) }

    /// This field's score of one document for `terms`.
    func score(_ terms: [String], doc: Int32) -> Double {
        score(query: query(terms), doc: doc)
    }

    /// ``score(query:doc:)`` of every document at once, indexed by document number (the same
    /// Float sums in the same term order; each document has one posting per term).
    func scores(query: [(term: Int32, count: Int)], documentCount: Int) -> [Float] {
        var out = [Float](repeating: 0, count: documentCount)
        for (t, count) in query {
            let w = Float(count) * idfs[Int(t)]
            let ds = docs[Int(t)]
            let im = impacts[Int(t)]
            for i in ds.indices { out[Int(ds[i])] += w * im[i] }
        }
        return out
    }

    /// This field's score of one document for a query from ``query(_:)``.
    func score(query: [(term: Int32, count: Int)], doc: Int32) -> Double {
        var total: Float = 0
        for (t, count) in query {
            if let i = docs[Int(t)].firstIndex(of: doc) { total += Float(count) * idfs[Int(t)] * impacts[Int(t)][i] }
        }
        return Double(total)
    }
}
