/// How ``PairwiseReranker`` trains. Defaults live here and only here.
public struct RerankerConfiguration: Hashable, Codable, Sendable {
    /// Weight of the fixed first-stage prior −ln(rank) every score starts from, ≥ 0: the
    /// learned features adjust the first stage's order rather than replace it, so a model
    /// trained on labels without signal stays close to that order.
    public var rankPrior: Double
    /// Features whose weight is never learned (stays 0).
    public var frozen: [RerankFeature]
    /// Seed of the SGD's pair order.
    public var seed: UInt64
    /// SGD step size, > 0.
    public var learningRate: Double
    /// Passes over each retraining's pairs, ≥ 0 (0: the weights never move; the priors still learn).
    public var epochs: Int
    /// L2 penalty on the weights, ≥ 0.
    public var l2: Double
    /// Half-life of the article-prior counts in simulated days (> 0; `.infinity` never forgets):
    /// a mark made at t weighs 2^(−(T − t)/halfLife) at T, whatever the cadence.
    public var priorHalfLifeDays: Double
    /// α of the article prior's smoothing, > 0.
    public var priorSmoothing: Double
    /// Standard errors of chance an article's prior log-odds must exceed before it counts
    /// (``ArticlePriors``), ≥ 0; 0 counts every mark.
    public var priorEvidence: Double
    /// Only marks at ranks 1…shownDepth of the list the agent saw form training pairs, ≥ 1.
    /// Relevant articles an agent digs up further down still feed the priors (and the
    /// retriever's expansion), but pairing them with shown articles would teach the model that a
    /// worse first-stage rank means relevance (selection bias).
    public var shownDepth: Int
    /// First-stage depth the features' rank is measured in (rank depth + 1 when missed).
    public var firstStageDepth: Int
    /// Folds of the cross-validation that decides how far a retraining moves the weights, ≥ 0
    /// (0 or 1: no validation, the weights move all the way). The batch's marked tickets are
    /// split into folds; for each, a model trained on the others ranks its tickets' first-stage
    /// candidates, and the step toward the new weights (``validationSteps``) whose mean
    /// reciprocal rank of the marked-relevant articles is highest wins — 0 keeps the current
    /// weights (see ``PairwiseReranker/retrained(with:tickets:at:)``).
    public var validationFolds: Int

    public init(
        rankPrior: Double = 1, frozen: [RerankFeature] = [], seed: UInt64 = 7, learningRate: Double = 0.05,
        epochs: Int = 5, l2: Double = 0.05,
        priorHalfLifeDays: Double = 90, priorSmoothing: Double = 4, priorEvidence: Double = 1.96, shownDepth: Int = 8,
        firstStageDepth: Int = 75, validationFolds: Int = 3
    ) {
        self.rankPrior = rankPrior
        self.frozen = frozen
        self.seed = seed
        self.learningRate = learningRate
        self.epochs = epochs
        self.l2 = l2
        self.priorHalfLifeDays = priorHalfLifeDays
        self.priorSmoothing = priorSmoothing
        self.priorEvidence = priorEvidence
        self.shownDepth = shownDepth
        self.firstStageDepth = firstStageDepth
        self.validationFolds = validationFolds
    }

    /// The steps toward the new weights the validation chooses among (0: keep the current ones).
    public static let validationSteps: [Double] = [0, 0.25, 0.5, 1]

    enum CodingKeys: String, CodingKey {
        case seed, epochs, l2, frozen
        case rankPrior = "rank_prior"
        case learningRate = "learning_rate"
        case priorHalfLifeDays = "prior_half_life_days"
        case priorSmoothing = "prior_smoothing"
        case priorEvidence = "prior_evidence"
        case shownDepth = "shown_depth"
        case firstStageDepth = "first_stage_depth"
        case validationFolds = "validation_folds"
    }

    public init(from decoder: any Decoder) throws {
        let d = RerankerConfiguration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rankPrior = try c.decodeIfPresent(Double.self, forKey: .rankPrior) ?? d.rankPrior
        frozen = try c.decodeIfPresent([RerankFeature].self, forKey: .frozen) ?? d.frozen
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        l2 = try c.decodeIfPresent(Double.self, forKey: .l2) ?? d.l2
        priorHalfLifeDays = try c.decodeIfPresent(Double.self, forKey: .priorHalfLifeDays) ?? d.priorHalfLifeDays
        priorSmoothing = try c.decodeIfPresent(Double.self, forKey: .priorSmoothing) ?? d.priorSmoothing
        priorEvidence = try c.decodeIfPresent(Double.self, forKey: .priorEvidence) ?? d.priorEvidence
        shownDepth = try c.decodeIfPresent(Int.self, forKey: .shownDepth) ?? d.shownDepth
        firstStageDepth = try c.decodeIfPresent(Int.self, forKey: .firstStageDepth) ?? d.firstStageDepth
        validationFolds = try c.decodeIfPresent(Int.self, forKey: .validationFolds) ?? d.validationFolds
    }
}
