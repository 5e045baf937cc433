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
    let priors: ArticlePriors
    let queryTerms: Set<Int32>
    let queryBigrams: Set<Int64>
    let parts: ScoreVectors

    /// `priors.logOdds` by document number (see ``PairwiseReranker``).
    let priorByDocument: [Double]

    init(ticket: Ticket, retriever: LearnedRetriever, priors: ArticlePriors, priorByDocument: [Double]) {
        documentNumbers = retriever.index.documentNumbers
        titleTerms = retriever.index.titleTerms
        bodyTerms = retriever.index.bodyTerms
        self.priors = priors
        self.priorByDocument = priorByDocument
        let terms = retriever.index.analyzer.queryTerms(ticket.text)
        let ids = terms.map { retriever.index.termIDs[$0] ?? -1 }
        queryTerms = Set(ids.filter { $0 >= 0 })
        var bigrams = Set<Int64>()
        for (a, b) in zip(ids, ids.dropFirst()) where a >= 0 && b >= 0 {
            bigrams.insert(Self.bigram(a, b))
        }
        queryBigrams = bigrams
        queryBigramList = bigrams.sorted()
        var mark = [Bool](repeating: false, count: retriever.index.termIDs.count)
        for t in queryTerms { mark[Int(t)] = true }
        isQueryTerm = mark
        parts = retriever.scoreVectors(terms: terms)
    }

    /// `queryBigrams`, ascending (for the bit-mask count in ``bigramOverlap(title:body:)``).
    let queryBigramList: [Int64]
    /// Whether each index term id is one of the query's terms.
    let isQueryTerm: [Bool]

    /// |distinct(title) ∩ query terms| / |distinct(title)| (0 for an empty title), without
    /// building sets: titles are a handful of terms.
    func titleOverlap(_ title: [Int32]) -> Double {
        var distinct = 0, shared = 0
        for i in title.indices {
            let t = title[i]
            var repeated = false
            for j in 0..<i where title[j] == t {
                repeated = true
                break
            }
            if repeated { continue }
            distinct += 1
            if isQueryTerm[Int(t)] { shared += 1 }
        }
        return distinct == 0 ? 0 : Double(shared) / Double(distinct)
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
                    let g = Self.bigram(field[i - 1], field[i])
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
        var matched = Set<Int64>()
        for field in [title, body] where field.count > 1 {
            for i in 1..<field.count {
                let g = Self.bigram(field[i - 1], field[i])
                if queryBigrams.contains(g) { matched.insert(g) }
            }
        }
        return Double(matched.count) / Double(queryBigrams.count)
    }

    @inline(__always)
    static func bigram(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The features of `article` at 1-based first-stage `rank`, in `RerankFeature.allCases` order.
    func features(_ article: ArticleID, rank: Int) -> [Double] {
        var out = [Double](repeating: 0, count: RerankFeature.allCases.count)
        features(article, rank: rank, into: &out)
        return out
    }

    /// ``features(_:rank:)`` written into `out` (of `RerankFeature.allCases.count` elements),
    /// so a ticket's candidates share one buffer.
    func features(_ article: ArticleID, rank: Int, into out: inout [Double]) {
        var bm25 = 0.0
        var expansion = 0.0
        var demotion = 0.0
        var titleOverlap = 0.0
        var coverage = 0.0
        var bigramOverlap = 0.0
        var prior: Double?
        if let doc = documentNumbers[article] {
            let d = Int(doc)
            prior = priorByDocument[d]
            bm25 = Double(parts.bm25[d])
            expansion = Double(parts.expansion[d])
            demotion = Double(parts.demotion[d])
            if parts.distinctTerms > 0 { coverage = Double(parts.matchedTerms[d]) / Double(parts.distinctTerms) }
            let title = titleTerms[d]
            titleOverlap = self.titleOverlap(title)
            if !queryBigrams.isEmpty {
                bigramOverlap = self.bigramOverlap(title: title, body: bodyTerms[d])
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
                case .logRank: log(Double(rank))
                case .reciprocalRank: 1 / Double(rank)
                }
        }
    }
}
