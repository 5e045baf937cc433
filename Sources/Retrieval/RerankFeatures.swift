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
    let queryTerms: Set<Int32>
    let queryBigrams: Set<Int64>
    let parts: ScoreVectors

    init(ticket: Ticket, retriever: LearnedRetriever, priors: ArticlePriors) {
        self.retriever = retriever
        self.priors = priors
        let terms = retriever.index.analyzer.terms(ticket.text)
        let ids = terms.map { retriever.index.termIDs[$0] ?? -1 }
        queryTerms = Set(ids.filter { $0 >= 0 })
        var bigrams = Set<Int64>()
        for (a, b) in zip(ids, ids.dropFirst()) where a >= 0 && b >= 0 {
            bigrams.insert(Self.bigram(a, b))
        }
        queryBigrams = bigrams
        parts = retriever.scoreVectors(terms: terms)
    }

    @inline(__always)
    static func bigram(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The features of `article` at 1-based first-stage `rank`, in `RerankFeature.allCases` order.
    func features(_ article: ArticleID, rank: Int) -> [Double] {
        var bm25 = 0.0
        var expansion = 0.0
        var demotion = 0.0
        var titleOverlap = 0.0
        var coverage = 0.0
        var bigramOverlap = 0.0
        if let doc = retriever.index.documentNumbers[article] {
            let d = Int(doc)
            bm25 = Double(parts.bm25[d])
            expansion = Double(parts.expansion[d])
            demotion = Double(parts.demotion[d])
            if parts.distinctTerms > 0 { coverage = Double(parts.matchedTerms[d]) / Double(parts.distinctTerms) }
            let title = retriever.index.titleTerms[d]
            let body = retriever.index.bodyTerms[d]
            let titleSet = Set(title)
            if !titleSet.isEmpty {
                titleOverlap = Double(titleSet.intersection(queryTerms).count) / Double(titleSet.count)
            }
            if !queryBigrams.isEmpty {
                var matched = Set<Int64>()
                for field in [title, body] where field.count > 1 {
                    for i in 1..<field.count {
                        let g = Self.bigram(field[i - 1], field[i])
                        if queryBigrams.contains(g) { matched.insert(g) }
                    }
                }
                bigramOverlap = Double(matched.count) / Double(queryBigrams.count)
            }
        }
        return RerankFeature.allCases.map { feature in
            switch feature {
            case .bm25: bm25
            case .expansion: expansion
            case .demotion: demotion
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
