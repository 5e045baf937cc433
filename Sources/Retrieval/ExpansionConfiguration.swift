/// How relevance marks change the first stage (``ExpansionModel``, ``LearnedRetriever``).
/// Defaults live here and only here: a scenario's `system.retriever.expansion` section takes
/// its defaults from them.
public struct ExpansionConfiguration: Hashable, Codable, Sendable {
    /// Weight of the learned expansion score added to BM25 (0 turns learning off), ≥ 0.
    public var strength: Double
    /// Half-life of every learned weight, in simulated days (> 0; `.infinity` never forgets).
    /// A mark made at time t weighs 2^(−(T − t)/halfLife) at time T, whatever the retraining
    /// cadence: forgetting is per unit of time, not per retraining.
    public var halfLifeDays: Double
    /// At most this many expansion (and, separately, demotion) terms are kept per article, ≥ 0.
    public var cap: Int
    /// Weight of the demotion from "not relevant" marks relative to `strength`, ≥ 0. Off by
    /// default: on the marketplace corpus it lowered recall@75 (agents mark the near-duplicates
    /// of the right article "not relevant" for the very words the right article's future
    /// tickets use).
    public var demotion: Double
    /// Learned weights that decay below this are forgotten, ≥ 0.
    public var minimumWeight: Double
    /// How many standard deviations of chance a term's surplus of "relevant" marks must exceed
    /// before it counts (see ``SurplusWeights``), ≥ 0. 1.96: a two-sided 95% z-test; 0: every
    /// surplus over the base rate counts, however small its evidence.
    public var evidence: Double

    public init(
        strength: Double = 0.3, halfLifeDays: Double = 45, cap: Int = 200, demotion: Double = 0,
        minimumWeight: Double = 0.05, evidence: Double = 1.96
    ) {
        self.strength = strength
        self.halfLifeDays = halfLifeDays
        self.cap = cap
        self.demotion = demotion
        self.minimumWeight = minimumWeight
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case strength, cap, demotion, evidence
        case halfLifeDays = "half_life_days"
        case minimumWeight = "minimum_weight"
    }

    public init(from decoder: any Decoder) throws {
        let d = ExpansionConfiguration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        strength = try c.decodeIfPresent(Double.self, forKey: .strength) ?? d.strength
        halfLifeDays = try c.decodeIfPresent(Double.self, forKey: .halfLifeDays) ?? d.halfLifeDays
        cap = try c.decodeIfPresent(Int.self, forKey: .cap) ?? d.cap
        demotion = try c.decodeIfPresent(Double.self, forKey: .demotion) ?? d.demotion
        minimumWeight = try c.decodeIfPresent(Double.self, forKey: .minimumWeight) ?? d.minimumWeight
        evidence = try c.decodeIfPresent(Double.self, forKey: .evidence) ?? d.evidence
    }
}
