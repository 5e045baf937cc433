import FlywheelCore

/// Settings of the ``Judge``: how the parts of true quality are weighted, what length and tone
/// fit, and how noisy the 1–5 helpfulness score is. Every default lives here.
///
/// YAML / JSON keys are snake_case; missing keys take the defaults below.
///
/// ```yaml
/// judge:
///   weights: {coverage: 0.6, focus: 0.25, fit: 0.15}
///   length: {min_words: 25, max_words: 110}
///   preferred_tones: [friendly, formal]
///   noise_sd: 0.0
/// ```
public struct JudgeConfig: Codable, Sendable, Hashable {
    /// Weights of coverage, focus and fit in the total (normalised by their sum). Correctness is
    /// not weighted: it multiplies the total, so one wrong fact spoils an otherwise good reply.
    public struct Weights: Codable, Sendable, Hashable {
        public var coverage: Double
        public var focus: Double
        public var fit: Double
        public init(coverage: Double = 0.6, focus: Double = 0.25, fit: Double = 0.15) {
            self.coverage = coverage
            self.focus = focus
            self.fit = fit
        }
        var sum: Double { coverage + focus + fit }
    }

    /// Target length band of the whole reply, in words (inclusive).
    public struct LengthBand: Codable, Sendable, Hashable {
        public var minWords: Int
        public var maxWords: Int
        public init(minWords: Int = 25, maxWords: Int = 110) {
            self.minWords = minWords
            self.maxWords = maxWords
        }
        enum CodingKeys: String, CodingKey {
            case minWords = "min_words"
            case maxWords = "max_words"
        }
    }

    public var weights: Weights
    public var length: LengthBand
    /// Tones that fit; a reply in another tone gets ``toneMismatchFit`` as its tone factor.
    public var preferredTones: [Reply.Tone]
    /// Tone factor of a reply whose tone is not preferred.
    public var toneMismatchFit: Double
    /// Standard deviation of Gaussian noise on the 1–5 helpfulness scale (0: none).
    public var noiseSD: Double
    /// Round helpfulness to the nearest integer 1…5 (a Likert rubric) after noise.
    public var roundScores: Bool
    /// A nugget is covered by a sentence holding at least this share of its content words
    /// (and all of its numbers). 0.7 lets light paraphrase count.
    public var coverageThreshold: Double
    /// A sentence from a conflicting article that shares at least this share of a nugget's
    /// content words, without stating it, contradicts that nugget.
    public var contradictionOverlap: Double
    /// Correctness is `(1 − contradictionPenalty)^k` for k contradicting sentences.
    public var contradictionPenalty: Double
    /// Without nuggets: content-word recall of the reference reply at which coverage is full
    /// (coverage = min(1, recall / this)). Human replies paraphrase their grounding, so even a
    /// perfectly grounded extractive reply recalls only part of the reference's words.
    public var referenceRecallForFull: Double
    /// Total at or above which a reply is good (``QualityBreakdown/failure`` is `nil` unless
    /// something contradicts a needed fact). 0.75 is helpfulness 4 under the default mapping.
    public var goodQuality: Double

    public init(
        weights: Weights = .init(), length: LengthBand = .init(),
        preferredTones: [Reply.Tone] = [.friendly, .formal], toneMismatchFit: Double = 0.6,
        noiseSD: Double = 0, roundScores: Bool = false, coverageThreshold: Double = 0.7,
        contradictionOverlap: Double = 0.5, contradictionPenalty: Double = 0.6,
        referenceRecallForFull: Double = 0.5, goodQuality: Double = 0.75
    ) {
        self.weights = weights
        self.length = length
        self.preferredTones = preferredTones
        self.toneMismatchFit = toneMismatchFit
        self.noiseSD = noiseSD
        self.roundScores = roundScores
        self.coverageThreshold = coverageThreshold
        self.contradictionOverlap = contradictionOverlap
        self.contradictionPenalty = contradictionPenalty
        self.referenceRecallForFull = referenceRecallForFull
        self.goodQuality = goodQuality
    }

    enum CodingKeys: String, CodingKey {
        case weights, length
        case preferredTones = "preferred_tones"
        case toneMismatchFit = "tone_mismatch_fit"
        case noiseSD = "noise_sd"
        case roundScores = "round_scores"
        case coverageThreshold = "coverage_threshold"
        case contradictionOverlap = "contradiction_overlap"
        case contradictionPenalty = "contradiction_penalty"
        case referenceRecallForFull = "reference_recall_for_full"
        case goodQuality = "good_quality"
    }

    public init(from decoder: any Decoder) throws {
        let d = JudgeConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        weights = try c.decodeIfPresent(Weights.self, forKey: .weights) ?? d.weights
        length = try c.decodeIfPresent(LengthBand.self, forKey: .length) ?? d.length
        preferredTones = try c.decodeIfPresent([Reply.Tone].self, forKey: .preferredTones) ?? d.preferredTones
        toneMismatchFit = try c.decodeIfPresent(Double.self, forKey: .toneMismatchFit) ?? d.toneMismatchFit
        noiseSD = try c.decodeIfPresent(Double.self, forKey: .noiseSD) ?? d.noiseSD
        roundScores = try c.decodeIfPresent(Bool.self, forKey: .roundScores) ?? d.roundScores
        coverageThreshold = try c.decodeIfPresent(Double.self, forKey: .coverageThreshold) ?? d.coverageThreshold
        contradictionOverlap =
            try c.decodeIfPresent(Double.self, forKey: .contradictionOverlap) ?? d.contradictionOverlap
        contradictionPenalty =
            try c.decodeIfPresent(Double.self, forKey: .contradictionPenalty) ?? d.contradictionPenalty
        referenceRecallForFull =
            try c.decodeIfPresent(Double.self, forKey: .referenceRecallForFull) ?? d.referenceRecallForFull
        goodQuality = try c.decodeIfPresent(Double.self, forKey: .goodQuality) ?? d.goodQuality
    }
}
