import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Computes ``RerankFeature`` vectors for one ticket against articles of a first stage.
struct RerankFeatureExtractor {
    let retriever: LearnedRetriever
    let priors: ArticlePriors
    let terms: [String]
    let queryTerms: Set<Int32>
    let queryBigrams: Set<Int64>
    /// `queryTerms` sorted, and the first terms of `queryBigrams`: small arrays scanned
    /// linearly instead of hashing every article term.
    let queryTermList: [Int32]
    let bigramHeads: [Int32]
    /// Each scoring field's score of every document (by document number), computed once for
    /// all candidates: one pass over the query terms' postings instead of a scan per candidate.
    let bm25Scores: [Float]
    let expansionScores: [Float]
    let demotionScores: [Float]

    init(ticket: Ticket, retriever: LearnedRetriever, priors: ArticlePriors) {
        self.retriever = retriever
        self.priors = priors
        terms = retriever.index.analyzer.terms(ticket.text)
        let ids = terms.map { retriever.index.termIDs[$0] ?? -1 }
        queryTerms = Set(ids.filter { $0 >= 0 })
        var bigrams = Set<Int64>()
        for (a, b) in zip(ids, ids.dropFirst()) where a >= 0 && b >= 0 {
            bigrams.insert(Self.bigram(a, b))
        }
        queryBigrams = bigrams
        queryTermList = queryTerms.sorted()
        bigramHeads = Set(bigrams.map { Int32(truncatingIfNeeded: $0 >> 32) }).sorted()
        let n = retriever.index.documentCount
        bm25Scores = retriever.index.scores(query: retriever.index.queryTermIDs(terms))
        expansionScores = retriever.expansionField.scores(query: retriever.expansionField.query(terms), documentCount: n)
        demotionScores = retriever.demotionField.scores(query: retriever.demotionField.query(terms), documentCount: n)
    }

    @inline(__always)
    static func bigram(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The features of `article` at 1-based first-stage `rank`, in `RerankFeature.allCases` order.
    func features(_ article: ArticleID, rank: Int) -> [Double] {
        // Same values as retriever.scoreParts(terms:article:), precomputed for all documents.
        var parts = (bm25: 0.0, expansion: 0.0, demotion: 0.0)
        var titleOverlap = 0.0
        var coverage = 0.0
        var bigramOverlap = 0.0
        if let doc = retriever.index.documentNumbers[article] {
            parts = (Double(bm25Scores[Int(doc)]), Double(expansionScores[Int(doc)]), Double(demotionScores[Int(doc)]))
            let title = retriever.index.titleTerms[Int(doc)]
            let body = retriever.index.bodyTerms[Int(doc)]
            let titleSet = Set(title)
            if !titleSet.isEmpty {
                titleOverlap = Double(titleSet.intersection(queryTerms).count) / Double(titleSet.count)
            }
            if !queryTerms.isEmpty {
                // |{q ∈ query : q ∈ title ∪ body}|
                var found = 0
                for q in queryTermList where titleSet.contains(q) || body.contains(q) { found += 1 }
                coverage = Double(found) / Double(queryTerms.count)
            }
            if !queryBigrams.isEmpty {
                var matched = Set<Int64>()
                for field in [title, body] {
                    for (a, b) in zip(field, field.dropFirst()) where bigramHeads.contains(a) {
                        let g = Self.bigram(a, b)
                        if queryBigrams.contains(g) { matched.insert(g) }
                    }
                }
                bigramOverlap = Double(matched.count) / Double(queryBigrams.count)
            }
        }
        return RerankFeature.allCases.map { feature in
            switch feature {
            case .bm25: parts.bm25
            case .expansion: parts.expansion
            case .demotion: parts.demotion
            case .titleOverlap: titleOverlap
            case .queryCoverage: coverage
            case .bigramOverlap: bigramOverlap
            case .articlePrior: priors.logOdds(article)
            case .logRank: log(Double(rank))
            case .reciprocalRank: 1 / Double(rank)
            }
        }
    }
}
