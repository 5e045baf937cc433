/// How relevance marks change the first stage (``ExpansionModel``, ``LearnedRetriever``).
/// Defaults live here and only here.
public struct ExpansionConfiguration: Hashable, Codable, Sendable {
    /// Weight of the learned expansion score added to BM25 (0 turns learning off), ≥ 0.
    public var strength: Double
    /// Factor every learned weight is multiplied by at each retraining, in [0, 1].
    public var decay: Double
    /// At most this many expansion (and, separately, demotion) terms are kept per article, ≥ 0.
    public var cap: Int
    /// Weight of the demotion from "not relevant" marks relative to `strength`, ≥ 0.
    public var demotion: Double
    /// Learned weights that decay below this are forgotten, ≥ 0.
    public var minimumWeight: Double

    public init(
        strength: Double = 1.0, decay: Double = 0.9, cap: Int = 200, demotion: Double = 0.5,
        minimumWeight: Double = 0.05
    ) {
        self.strength = strength
        self.decay = decay
        self.cap = cap
        self.demotion = demotion
        self.minimumWeight = minimumWeight
    }

    enum CodingKeys: String, CodingKey {
        case strength, decay, cap, demotion
        case minimumWeight = "minimum_weight"
    }

    public init(from decoder: any Decoder) throws {
        let d = ExpansionConfiguration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        strength = try c.decodeIfPresent(Double.self, forKey: .strength) ?? d.strength
        decay = try c.decodeIfPresent(Double.self, forKey: .decay) ?? d.decay
        cap = try c.decodeIfPresent(Int.self, forKey: .cap) ?? d.cap
        demotion = try c.decodeIfPresent(Double.self, forKey: .demotion) ?? d.demotion
        minimumWeight = try c.decodeIfPresent(Double.self, forKey: .minimumWeight) ?? d.minimumWeight
    }
}
