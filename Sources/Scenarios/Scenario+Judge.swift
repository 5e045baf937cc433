import FlywheelCore
import LLM
import World

/// The judge's rubric as scenario keys (`judge:`): how coverage, focus and fit weigh in a reply's
/// true quality, the length band that fits, and noise on the 1–5 helpfulness score. Defaults are
/// `World.JudgeConfig`'s, read from it.
public struct JudgeSpec: Codable, Sendable, Hashable {
    public struct Weights: Codable, Sendable, Hashable {
        public var coverage = JudgeConfig().weights.coverage
        public var focus = JudgeConfig().weights.focus
        public var fit = JudgeConfig().weights.fit
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable { case coverage, focus, fit }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Weights()
            coverage = try c.decodeIfPresent(Double.self, forKey: .coverage) ?? d.coverage
            try decoder.require(coverage, in: 0...1, "coverage")
            focus = try c.decodeIfPresent(Double.self, forKey: .focus) ?? d.focus
            try decoder.require(focus, in: 0...1, "focus")
            fit = try c.decodeIfPresent(Double.self, forKey: .fit) ?? d.fit
            try decoder.require(fit, in: 0...1, "fit")
            if !(coverage + focus + fit > 0) {
                try decoder.report(path: decoder.keyPath, message: "the weights must sum to a positive number")
            }
        }
    }

    public var weights = Weights()
    /// Replies of this many words fit fully (inclusive).
    public var minWords = JudgeConfig().length.minWords
    public var maxWords = JudgeConfig().length.maxWords
    /// Standard deviation of Gaussian noise on the 1–5 helpfulness score.
    public var noiseSD = JudgeConfig().noiseSD
    /// Round helpfulness to an integer 1…5 (a Likert rubric) after noise.
    public var roundScores = JudgeConfig().roundScores
    /// `builtin` (the rubric above) or `openai` (the `openai:` block's model gives helpfulness).
    public var kind = JudgeKind.builtin
    public var openai: OpenAISpec?

    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind
        case weights
        case minWords = "min_words"
        case maxWords = "max_words"
        case noiseSD = "noise_sd"
        case roundScores = "round_scores"
        case openai
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = JudgeSpec()
        weights = try c.decodeIfPresent(Weights.self, forKey: .weights) ?? d.weights
        minWords = try c.decodeIfPresent(Int.self, forKey: .minWords) ?? d.minWords
        try decoder.require(minWords, in: 1...10_000, "min_words")
        maxWords = try c.decodeIfPresent(Int.self, forKey: .maxWords) ?? d.maxWords
        try decoder.require(maxWords, in: 1...10_000, "max_words")
        if maxWords < minWords {
            try decoder.report(
                path: decoder.keyPath + ["max_words"], message: "must be at least min_words (\(minWords))")
        }
        noiseSD = try c.decodeIfPresent(Double.self, forKey: .noiseSD) ?? d.noiseSD
        try decoder.require(noiseSD, in: 0...4, "noise_sd")
        roundScores = try c.decodeIfPresent(Bool.self, forKey: .roundScores) ?? d.roundScores
        kind = try c.decodeKind(JudgeKind.self, forKey: .kind, default: d.kind, decoder)
        openai = try c.decodeIfPresent(OpenAISpec.self, forKey: .openai)
        try openai?.checkPrompts(for: .judge, decoder)
        try checkKind(kind == .openai, openai != nil, decoder)
    }
}

extension JudgeSpec: SchemaDescribed {
    static var schema: SchemaNode {
        .object(
            "The judge's rubric: true quality = correctness × (coverage, focus and fit weighted and normalised); helpfulness = 1 + 4 × quality (+ noise).",
            CodingKeys.self, defaults: JudgeSpec(),
            [
                .weights: .object(
                    "Weights of coverage, focus and fit (normalised by their sum).", Weights.CodingKeys.self,
                    defaults: Weights(),
                    [
                        .coverage: .number("Weight of nugget coverage.", 0...1),
                        .focus: .number("Weight of focus (share of sentences from relevant articles).", 0...1),
                        .fit: .number("Weight of length and tone fit.", 0...1)
                    ]),
                .minWords: .integer("Shortest reply, in words, that fits fully.", 1...10_000),
                .maxWords: .integer("Longest reply, in words, that fits fully (≥ min_words).", 1...10_000),
                .noiseSD: .number("Standard deviation of Gaussian noise on the 1–5 helpfulness score.", 0...4),
                .roundScores: .boolean("Round helpfulness to an integer 1…5 after noise."),
                .kind: .oneOf(
                    "`builtin`: helpfulness from the rubric above; `openai`: from the `openai:` block's model, which sees the ticket, the reply and the nuggets (simulated agents keep the rubric). See docs/llm.md.",
                    JudgeKind.allCases.map(\.rawValue)),
                .openai: OpenAISpec.schema(for: "judge")
            ])
    }
}
