import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The second stage: a linear learning-to-rank model over ``RerankFeature``s of (ticket,
/// article), trained pairwise — RankNet's logistic loss on "relevant ≻ not relevant" pairs of
/// the same ticket (Burges et al., "Learning to Rank using Gradient Descent", ICML 2005), with a
/// linear scorer and seeded SGD.
///
/// Every score starts from a fixed prior, −``RerankerConfiguration/rankPrior`` · ln(first-stage
/// rank), that alone reproduces the first stage's order; the learned weights adjust it.
/// Untrained (all weights 0) it returns the first stage's list unchanged. Trained, it sorts by
/// prior + w · (scaled features), ties kept in first-stage order, and reports its own scores (nudged
/// down by the smallest step where two are equal, so a trec_eval-style re-sort keeps the order).
///
/// ```swift
/// var reranker = PairwiseReranker(retriever: retriever)
/// reranker = reranker.retrained(with: marks, tickets: ticketsByID)
/// let top8 = reranker.rerank(ticket, candidates: retriever.retrieve(ticket, depth: 75), depth: 8)
/// ```
public struct PairwiseReranker: Reranker {
    public var configuration: RerankerConfiguration
    /// The first stage whose scores and index the features read.
    public internal(set) var retriever: LearnedRetriever {
        didSet { refreshPriorByDocument() }
    }
    /// One weight per ``RerankFeature``, in `allCases` order.
    public internal(set) var weights: [Double]
    /// Per-feature scale (1 / standard deviation) fixed at the first training; nil before.
    public internal(set) var scales: [Double]?
    public internal(set) var priors: ArticlePriors {
        didSet { refreshPriorByDocument() }
    }
    /// `priors.logOdds` of each of the retriever's documents, by document number (recomputed
    /// whenever `retriever` or `priors` changes): the article-prior feature without two
    /// dictionary lookups per candidate.
    private(set) var priorByDocument: [Double] = []
    /// How many retrainings produced this model.
    public internal(set) var generation: Int
    /// Simulated time of the last retraining (nil: never, or trained without a time).
    public internal(set) var trainedAt: Timestamp? = nil

    public init(retriever: LearnedRetriever, configuration: RerankerConfiguration = RerankerConfiguration()) {
        self.configuration = configuration
        self.retriever = retriever
        self.weights = Array(repeating: 0, count: RerankFeature.allCases.count)
        self.scales = nil
        self.priors = ArticlePriors(smoothing: configuration.priorSmoothing, evidence: configuration.priorEvidence)
        self.generation = 0
        refreshPriorByDocument()
    }

    private mutating func refreshPriorByDocument() {
        priorByDocument = retriever.index.articles.map { priors.logOdds($0.id) }
    }

    /// Points the features at a new first stage (after the retriever was retrained).
    public mutating func use(retriever: LearnedRetriever) { self.retriever = retriever }

    public var isTrained: Bool { weights.contains { $0 != 0 } }

    /// True once trained: the features then read the first stage's attached parts
    /// (``LearnedRetriever/retrieve(_:depth:attachingParts:)``) when they come from this
    /// reranker's retriever.
    public var readsFirstStageParts: Bool { isTrained && scales != nil }

    public func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) -> RankedList {
        guard isTrained, let scales else { return candidates.prefix(depth) }
        let extractor = RerankFeatureExtractor(
            ticket: ticket, retriever: retriever, priors: priors, priorByDocument: priorByDocument,
            candidates: candidates)
        var scored: [(entry: RankedList.Entry, score: Double, position: Int)] = []
        scored.reserveCapacity(candidates.entries.count)
        var x = [Double](repeating: 0, count: RerankFeature.allCases.count)
        for (i, entry) in candidates.entries.enumerated() {
            extractor.features(entry.article, rank: i + 1, into: &x)
            var s = -configuration.rankPrior * RankLogarithm.of(i + 1)
            for j in x.indices { s += weights[j] * scales[j] * x[j] }
            scored.append((entry, s, i))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        var entries: [RankedList.Entry] = []
        var previous = Double.infinity
        for item in scored.prefix(depth) {
            let s = item.score < previous ? item.score : previous.nextDown
            entries.append(RankedList.Entry(article: item.entry.article, score: s))
            previous = s
        }
        return RankedList(ticket: ticket.id, entries: entries)
    }

    /// The feature vectors of `candidates` (first-stage order), for inspection and tests.
    public func features(_ ticket: Ticket, candidates: RankedList) -> [[Double]] {
        let extractor = RerankFeatureExtractor(
            ticket: ticket, retriever: retriever, priors: priors, priorByDocument: priorByDocument)
        return candidates.entries.enumerated().map { extractor.features($1.article, rank: $0 + 1) }
    }
}
