import FlywheelCore

/// Settings of the extractive generator, with every default in one place (a scenario's
/// `system.generator` takes its defaults from here). Decoding fills any missing key with its
/// default; ``validated(path:)`` checks ranges and names the key path.
///
/// ```yaml
/// generator: {candidates: 8, exploration: 0.2, length: 3, tone: friendly}
/// ```
public struct GenerationConfig: Hashable, Sendable, Codable {
    /// Candidates composed per ticket; A is the best of them under the reward model.
    public var candidates: Int = 4
    /// Probability that B is a uniformly drawn other candidate rather than the runner-up.
    public var exploration: Double = 0.2
    /// Initial sentence budget of the baseline candidate (the length policy then moves it).
    public var length: Int = 3
    /// Bounds of the length policy and of the candidates' lengths.
    public var minLength: Int = 1
    public var maxLength: Int = 8
    /// Initial tone of the baseline candidate.
    public var tone: Reply.Tone = .friendly
    /// How many of the given (reranked) articles sentences may come from.
    public var articleDepth: Int = 8
    /// How many top articles the baseline candidate draws from.
    public var baselineScope: Int = 3
    /// Temperature of the sampled candidates' Gumbel-top-k draw over sentence scores.
    public var samplingTemperature: Double = 0.5
    /// L2 strength of the fixed floor of the reward model's pull towards its previous weights.
    public var rewardL2: Double = 1
    /// Half-life in simulated days of what past preference pairs say (``RewardModel``).
    public var rewardHalfLifeDays: Double = 60
    /// Pseudo-count of the sentence prior.
    public var priorSmoothing: Double = 2
    /// Most ticket words the sentence prior keeps per sentence, the strongest by evidence
    /// (``SentencePrior/forgetWeakest(of:keeping:)``); 0 keeps every word.
    public var priorWords: Int = 64
    /// Net share of adoption annotations asking for shorter (too_long) or longer
    /// (missing_information) replies that moves the length policy by one sentence.
    public var lengthStepShare: Double = 0.05

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case candidates, exploration, length, tone
        case minLength = "min_length"
        case maxLength = "max_length"
        case articleDepth = "article_depth"
        case baselineScope = "baseline_scope"
        case samplingTemperature = "sampling_temperature"
        case rewardL2 = "reward_l2"
        case rewardHalfLifeDays = "reward_half_life_days"
        case priorSmoothing = "prior_smoothing"
        case priorWords = "prior_words"
        case lengthStepShare = "length_step_share"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = GenerationConfig()
        candidates = try c.decodeIfPresent(Int.self, forKey: .candidates) ?? d.candidates
        exploration = try c.decodeIfPresent(Double.self, forKey: .exploration) ?? d.exploration
        length = try c.decodeIfPresent(Int.self, forKey: .length) ?? d.length
        minLength = try c.decodeIfPresent(Int.self, forKey: .minLength) ?? d.minLength
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength) ?? d.maxLength
        tone = try c.decodeIfPresent(Reply.Tone.self, forKey: .tone) ?? d.tone
        articleDepth = try c.decodeIfPresent(Int.self, forKey: .articleDepth) ?? d.articleDepth
        baselineScope = try c.decodeIfPresent(Int.self, forKey: .baselineScope) ?? d.baselineScope
        samplingTemperature = try c.decodeIfPresent(Double.self, forKey: .samplingTemperature) ?? d.samplingTemperature
        rewardL2 = try c.decodeIfPresent(Double.self, forKey: .rewardL2) ?? d.rewardL2
        rewardHalfLifeDays = try c.decodeIfPresent(Double.self, forKey: .rewardHalfLifeDays) ?? d.rewardHalfLifeDays
        priorSmoothing = try c.decodeIfPresent(Double.self, forKey: .priorSmoothing) ?? d.priorSmoothing
        priorWords = try c.decodeIfPresent(Int.self, forKey: .priorWords) ?? d.priorWords
        lengthStepShare = try c.decodeIfPresent(Double.self, forKey: .lengthStepShare) ?? d.lengthStepShare
    }

    /// `self` if every value is in range, else an ``InputError`` naming `path.key`.
    public func validated(path: String = "generator") throws -> GenerationConfig {
        func fail(_ key: CodingKeys, _ message: String) -> InputError {
            InputError(field: "\(path).\(key.rawValue)", message)
        }
        guard candidates >= 1 else { throw fail(.candidates, "must be at least 1, got \(candidates)") }
        guard (0...1).contains(exploration) else { throw fail(.exploration, "must be in [0, 1], got \(exploration)") }
        guard minLength >= 1 else { throw fail(.minLength, "must be at least 1, got \(minLength)") }
        guard maxLength >= minLength else {
            throw fail(.maxLength, "must be at least min_length (\(minLength)), got \(maxLength)")
        }
        guard (minLength...maxLength).contains(length) else {
            throw fail(.length, "must be in [min_length, max_length] = [\(minLength), \(maxLength)], got \(length)")
        }
        guard articleDepth >= 1 else { throw fail(.articleDepth, "must be at least 1, got \(articleDepth)") }
        guard baselineScope >= 1 else { throw fail(.baselineScope, "must be at least 1, got \(baselineScope)") }
        guard samplingTemperature > 0 else {
            throw fail(.samplingTemperature, "must be positive, got \(samplingTemperature)")
        }
        guard rewardL2 > 0 else { throw fail(.rewardL2, "must be positive, got \(rewardL2)") }
        guard priorSmoothing > 0 else { throw fail(.priorSmoothing, "must be positive, got \(priorSmoothing)") }
        guard priorWords >= 0 else { throw fail(.priorWords, "must be 0 (no limit) or more, got \(priorWords)") }
        guard (0...1).contains(lengthStepShare) else {
            throw fail(.lengthStepShare, "must be in [0, 1], got \(lengthStepShare)")
        }
        return self
    }
}
