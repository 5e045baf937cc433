import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Computes ``RerankFeature`` vectors for one ticket against articles of a first stage.
struct RerankFeatureExtractor {
    /// The parts of the retriever's index the features read (not the whole retriever: copying
    /// it per ticket retains every one of its arrays).
    let documentNumbers: DocumentNumbers
    let titleTerms: [[Int32]]
    let bodyTerms: [[Int32]]
    /// ``BM25Index/titleDistinct`` and ``BM25Index/titleStarts``.
    let titleDistinct: [Int32]
    let titleStarts: [Int32]
    let priors: ArticlePriors
    let queryBigrams: Set<Int64>
    /// Every article's score parts; nil when the first stage attached its candidates' parts
    /// (``FirstStageParts``), which are read instead, by candidate position.
    let parts: ScoreVectors?
    let attached: FirstStageParts?

    /// `priors.logOdds` by document number (see ``PairwiseReranker``).
    let priorByDocument: [Double]

    /// With `candidates` whose first stage attached their parts (``FirstStageParts``) in
    /// `retriever`'s very state, for each of the candidates' entries, the features of those
    /// candidates read them (by position: ``features(_:rank:into:)`` with rank = position + 1)
    /// instead of scoring every article again.
    init(
        ticket: Ticket, retriever: LearnedRetriever, priors: ArticlePriors, priorByDocument: [Double],
        candidates: RankedList? = nil
    ) {
        documentNumbers = retriever.index.documentNumbers
        titleTerms = retriever.index.titleTerms
        bodyTerms = retriever.index.bodyTerms
        titleDistinct = retriever.index.titleDistinct
        titleStarts = retriever.index.titleStarts
        self.priors = priors
        self.priorByDocument = priorByDocument
        let terms = retriever.index.analyzer.queryTerms(ticket.text)
        let ids = terms.map { retriever.index.termIDs[$0] ?? -1 }
        var bigrams = Set<Int64>()
        for (a, b) in zip(ids, ids.dropFirst()) where a >= 0 && b >= 0 {
            bigrams.insert(BM25Index.bigram(a, b))
        }
        queryBigrams = bigrams
        queryBigramList = bigrams.sorted()
        var mark = [Bool](repeating: false, count: retriever.index.termIDs.count)
        for t in ids where t >= 0 { mark[Int(t)] = true }
        isQueryTerm = mark
        attached = candidates.flatMap { Self.attachedParts(of: $0, retriever: retriever) }
        parts = attached == nil ? retriever.scoreVectors(terms: terms) : nil
        self.candidates = candidates
        if let candidates {
            let documents: [Int32?] =
                if let attached { Array(attached.documents.prefix(candidates.entries.count)) } else {
                    candidates.entries.map { retriever.index.documentNumbers[$0.article] }
                }
            bigramMasks = Self.bigramMasks(
                candidates, documents: documents, query: queryBigramList, index: retriever.index)
        } else {
            bigramMasks = nil
        }
    }

    /// The candidates the extractor was made for, if any, and for each of their entries the
    /// mask of query bigrams its article has (see ``bigramMasks(_:documents:query:index:)``).
    let candidates: RankedList?
    let bigramMasks: [UInt64]?

    /// The parts attached to `candidates` when they come from `retriever`'s state and describe
    /// every entry, position by position; else nil.
    static func attachedParts(of candidates: RankedList, retriever: LearnedRetriever) -> FirstStageParts? {
        guard let parts = candidates.attachment as? FirstStageParts, parts.state == retriever.compiledState,
            parts.documents.count >= candidates.entries.count
        else { return nil }
        let articles = retriever.index.articles
        for (i, entry) in candidates.entries.enumerated() where articles[Int(parts.documents[i])].id != entry.article {
            return nil
        }
        return parts
    }

    /// `queryBigrams`, ascending (for the bit-mask count in ``bigramOverlap(title:body:)``).
    let queryBigramList: [Int64]
    /// Whether each index term id is one of the query's terms (one load per title term or
    /// position; a table sized by the query, probed instead, made the features slower).
    let isQueryTerm: [Bool]

    /// |distinct(title) ∩ query terms| / |distinct(title)| of document `d` (0 for an empty
    /// title), from the index's distinct title terms.
    func titleOverlap(document d: Int) -> Double {
        let start = Int(titleStarts[d]), end = Int(titleStarts[d + 1])
        guard end > start else { return 0 }
        var shared = 0
        for k in start..<end where isQueryTerm[Int(titleDistinct[k])] { shared += 1 }
        return Double(shared) / Double(end - start)
    }

    /// The share of the query's distinct bigrams that occur in the title or the body (bigrams
    /// do not cross from title to body). A position is looked at only when both of its terms
    /// are query terms; matches are marked in a bit mask over the sorted query bigrams.
    func bigramOverlap(title: [Int32], body: [Int32]) -> Double {
        let q = queryBigramList
        guard q.count <= 64 else { return bigramOverlapBySet(title: title, body: body) }
        var matched: UInt64 = 0
        // each field on its own (no temporary [title, body] array per candidate)
        func scan(_ field: [Int32]) {
            guard field.count > 1 else { return }
            var previousIsQuery = isQueryTerm[Int(field[0])]
            for i in 1..<field.count {
                let isQuery = isQueryTerm[Int(field[i])]
                if previousIsQuery && isQuery {
                    let g = BM25Index.bigram(field[i - 1], field[i])
                    for k in q.indices where q[k] == g {
                        matched |= 1 << UInt64(k)
                        break
                    }
                }
                previousIsQuery = isQuery
            }
        }
        scan(title)
        scan(body)
        return Double(matched.nonzeroBitCount) / Double(q.count)
    }

    /// ``bigramOverlap(title:body:)`` for queries with more than 64 distinct bigrams.
    func bigramOverlapBySet(title: [Int32], body: [Int32]) -> Double {
        let matched = BM25Index.distinctBigrams(title: title, body: body).intersection(queryBigrams)
        return Double(matched.count) / Double(queryBigrams.count)
    }

    /// For each of `candidates`' entries, the bit mask over `queryBigramList` of the pairs its
    /// article has (what ``bigramOverlap(title:body:)`` finds by scanning), from the index's
    /// bigram postings: one lookup per query pair. Nil when the query has no pairs or more
    /// than 64.
    static func bigramMasks(
        _ candidates: RankedList, documents: [Int32?], query: [Int64], index: BM25Index
    ) -> [UInt64]? {
        guard !query.isEmpty, query.count <= 64, !candidates.entries.isEmpty else { return nil }
        var masks = [UInt64](repeating: 0, count: candidates.entries.count)
        // the candidates' positions by document, in an open-addressing table sized by the
        // candidates (not by the corpus): keys (doc + 1; 0 is empty) then positions
        var size = 16
        while size < 2 * documents.count { size <<= 1 }
        let mask = size - 1
        let complete = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * size) { table -> Bool in
            table.initialize(repeating: 0)
            @inline(__always) func slot(_ doc: Int32) -> Int {
                var h = Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: doc)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
                while table[h] != 0 && table[h] != doc + 1 { h = (h + 1) & mask }
                return h
            }
            for (i, doc) in documents.enumerated() {
                guard let doc else { continue }
                let h = slot(doc)
                guard table[h] == 0 else { return false }  // an article listed twice: scan instead
                table[h] = doc + 1
                table[size + h] = Int32(i)
            }
            masks.withUnsafeMutableBufferPointer { out in
                for (k, g) in query.enumerated() {
                    guard let docs = index.bigramDocs[g] else { continue }
                    let bit: UInt64 = 1 << UInt64(k)
                    docs.withUnsafeBufferPointer { docs in
                        for d in docs {
                            let h = slot(d)
                            if table[h] != 0 { out[Int(table[size + h])] |= bit }
                        }
                    }
                }
            }
            return true
        }
        guard complete else { return nil }
        return masks
    }

    /// The features of `article` at 1-based first-stage `rank`, in `RerankFeature.allCases` order.
    func features(_ article: ArticleID, rank: Int) -> [Double] {
        var out = [Double](repeating: 0, count: RerankFeature.allCases.count)
        features(article, rank: rank, into: &out)
        return out
    }

    /// ``features(_:rank:)`` written into `out` (of `RerankFeature.allCases.count` elements),
    /// so a ticket's candidates share one buffer.
    ///
    /// `rank − 1` is the candidate's position in the list the first stage attached its parts
    /// to, if it did.
    func features(_ article: ArticleID, rank: Int, into out: inout [Double]) {
        var bm25 = 0.0
        var expansion = 0.0
        var demotion = 0.0
        var titleOverlap = 0.0
        var coverage = 0.0
        var bigramOverlap = 0.0
        var prior: Double?
        let i = rank - 1
        var found: (doc: Int, bm25: Float, expansion: Float, demotion: Float, matched: Int32, distinct: Int)?
        if let attached {
            precondition(
                i >= 0 && i < attached.documents.count && candidates?.entries[i].article == article,
                "with attached first-stage parts, features are for the candidates' own entries at their ranks")
            found = (
                Int(attached.documents[i]), attached.bm25[i], attached.expansion[i], attached.demotion[i],
                attached.matchedTerms[i], attached.distinctTerms
            )
        } else if let parts, let doc = documentNumbers[article] {
            let d = Int(doc)
            found = (
                d, parts.bm25[d], parts.expansion[d], parts.demotion[d], parts.matchedTerms[d], parts.distinctTerms
            )
        }
        if let found {
            let d = found.doc
            prior = priorByDocument[d]
            bm25 = Double(found.bm25)
            expansion = Double(found.expansion)
            demotion = Double(found.demotion)
            if found.distinct > 0 { coverage = Double(found.matched) / Double(found.distinct) }
            titleOverlap = self.titleOverlap(document: d)
            if !queryBigrams.isEmpty {
                if let masks = bigramMasks, let candidates, i >= 0, i < masks.count,
                    candidates.entries[i].article == article
                {
                    bigramOverlap = Double(masks[i].nonzeroBitCount) / Double(queryBigramList.count)
                } else {
                    bigramOverlap = self.bigramOverlap(title: titleTerms[d], body: bodyTerms[d])
                }
            }
        }
        for (i, feature) in RerankFeature.allCases.enumerated() {
            out[i] =
                switch feature {
                case .bm25: bm25
                case .expansion: expansion
                case .demotion: demotion
                case .titleOverlap: titleOverlap
                case .queryCoverage: coverage
                case .bigramOverlap: bigramOverlap
                case .articlePrior: prior ?? priors.logOdds(article)
                case .logRank: RankLogarithm.of(rank)
                case .reciprocalRank: 1 / Double(rank)
                }
        }
    }
}
