import Evaluation
import FlywheelCore
import World
import Generation
import Retrieval
import LLM

/// Settings of the system under test: retriever, reranker, generator.
///
/// The learners' defaults are the library configurations' (``ExpansionConfiguration``,
/// ``RerankerConfiguration``, ``GenerationConfig``): a scenario that leaves a key out gets
/// exactly what a library user constructing the configuration with no arguments gets.
public struct SystemSpec: Codable, Sendable, Hashable {
    public struct Expansion: Codable, Sendable, Hashable {
        private static let library = ExpansionConfiguration()
        /// Weight of learned expansion terms relative to the article's own text; 0 turns learning off.
        public var strength = library.strength
        /// Half-life of learned expansion weights in simulated time (forgetting per unit of
        /// time, never per retraining).
        public var halfLife = SimDuration(days: library.halfLifeDays)
        /// Standard deviations of chance a term's surplus of "relevant" marks must exceed to count.
        public var evidence = library.evidence
        /// Most expansion terms kept per article.
        public var cap = library.cap
        /// Weight of the demotion learned from "not relevant" marks, relative to `strength`
        /// (off by default: see ``ExpansionConfiguration/demotion``).
        public var demotion = library.demotion
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable {
            case strength, cap, demotion, evidence
            case halfLife = "half_life"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Expansion()
            strength = try c.decodeIfPresent(Double.self, forKey: .strength) ?? d.strength
            try decoder.require(strength, in: 0...100, "strength")
            halfLife = try c.decodeIfPresent(SimDuration.self, forKey: .halfLife) ?? d.halfLife
            try decoder.require(Double(halfLife.seconds), in: 3600...3.2e9, "half_life")
            evidence = try c.decodeIfPresent(Double.self, forKey: .evidence) ?? d.evidence
            try decoder.require(evidence, in: 0...10, "evidence")
            cap = try c.decodeIfPresent(Int.self, forKey: .cap) ?? d.cap
            try decoder.require(cap, in: 0...100_000, "cap")
            demotion = try c.decodeIfPresent(Double.self, forKey: .demotion) ?? d.demotion
            try decoder.require(demotion, in: 0...100, "demotion")
        }
    }
    public struct Retriever: Codable, Sendable, Hashable {
        public var k1 = 1.2
        public var b = 0.75
        /// First-stage depth (recall is measured at this depth).
        public var depth = RerankerConfiguration().firstStageDepth
        public var expansion = Expansion()
        /// Builtin BM25 with expansion, or a plugin (then k1, b and expansion go to it as settings).
        public var kind = StageKind.builtin
        public var process: ProcessSpec?
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable { case k1, b, depth, expansion, kind, process }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Retriever()
            k1 = try c.decodeIfPresent(Double.self, forKey: .k1) ?? d.k1
            try decoder.require(k1, in: 0...10, "k1")
            b = try c.decodeIfPresent(Double.self, forKey: .b) ?? d.b
            try decoder.require(b, in: 0...1, "b")
            depth = try c.decodeIfPresent(Int.self, forKey: .depth) ?? d.depth
            try decoder.require(depth, in: 1...10_000, "depth")
            expansion = try c.decodeIfPresent(Expansion.self, forKey: .expansion) ?? d.expansion
            kind = try c.decodeKind(StageKind.self, forKey: .kind, default: d.kind, decoder)
            process = try c.decodeIfPresent(ProcessSpec.self, forKey: .process)
            try ProcessSpec.check(isProcess: kind == .process, process: process, decoder)
        }
    }
    public struct Reranker: Codable, Sendable, Hashable {
        private static let library = RerankerConfiguration()
        /// Articles shown to the agent and used by the generator (precision is measured at this
        /// depth); only marks within it form the reranker's training pairs.
        public var depth = library.shownDepth
        public var learningRate = library.learningRate
        public var epochs = library.epochs
        /// Half-life of the article-prior counts (how often each article was marked relevant).
        public var priorHalfLife = SimDuration(days: library.priorHalfLifeDays)
        /// Standard errors of chance an article's prior must exceed before it counts.
        public var priorEvidence = library.priorEvidence
        /// Folds of the cross-validation that chooses each retraining's step; 0 or 1: none.
        public var validationFolds = library.validationFolds
        /// The builtin pairwise reranker, or a plugin.
        public var kind = StageKind.builtin
        public var process: ProcessSpec?
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable {
            case depth, epochs, kind, process
            case learningRate = "learning_rate"
            case priorHalfLife = "prior_half_life"
            case priorEvidence = "prior_evidence"
            case validationFolds = "validation_folds"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Reranker()
            depth = try c.decodeIfPresent(Int.self, forKey: .depth) ?? d.depth
            try decoder.require(depth, in: 1...100, "depth")
            learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
            try decoder.require(learningRate, in: 0...10, "learning_rate")
            epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
            try decoder.require(epochs, in: 0...1000, "epochs")
            priorHalfLife = try c.decodeIfPresent(SimDuration.self, forKey: .priorHalfLife) ?? d.priorHalfLife
            try decoder.require(Double(priorHalfLife.seconds), in: 3600...3.2e9, "prior_half_life")
            priorEvidence = try c.decodeIfPresent(Double.self, forKey: .priorEvidence) ?? d.priorEvidence
            try decoder.require(priorEvidence, in: 0...10, "prior_evidence")
            validationFolds = try c.decodeIfPresent(Int.self, forKey: .validationFolds) ?? d.validationFolds
            try decoder.require(validationFolds, in: 0...50, "validation_folds")
            kind = try c.decodeKind(StageKind.self, forKey: .kind, default: d.kind, decoder)
            process = try c.decodeIfPresent(ProcessSpec.self, forKey: .process)
            try ProcessSpec.check(isProcess: kind == .process, process: process, decoder)
        }
    }
    public struct Generator: Codable, Sendable, Hashable {
        private static let library = GenerationConfig()
        /// Candidate replies scored by the reward model (best-of-n).
        public var candidates = library.candidates
        /// Probability that challenger B explores instead of being the runner-up.
        public var exploration = library.exploration
        /// Fixed floor of the reward model's pull towards its previous weights (L2).
        public var rewardL2 = library.rewardL2
        /// Half-life of what past preference pairs say in the reward model.
        public var rewardHalfLife = SimDuration(days: library.rewardHalfLifeDays)
        /// Most ticket words the sentence prior keeps per article sentence (0: no limit).
        public var priorWords = library.priorWords
        /// `builtin` (the extractive generator above), `process` (a plugin: the `process:` block)
        /// or `openai` (the `openai:` block's model).
        public var kind = GeneratorKind.builtin
        public var process: ProcessSpec?
        public var openai: OpenAISpec?
        public var fewShot = FewShotSpec()
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable {
            case kind, candidates, exploration
            case rewardL2 = "reward_l2"
            case rewardHalfLife = "reward_half_life"
            case priorWords = "prior_words"
            case process, openai
            case fewShot = "few_shot"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Generator()
            candidates = try c.decodeIfPresent(Int.self, forKey: .candidates) ?? d.candidates
            try decoder.require(candidates, in: 2...64, "candidates")
            exploration = try c.decodeIfPresent(Double.self, forKey: .exploration) ?? d.exploration
            try decoder.require(exploration, in: 0...1, "exploration")
            rewardL2 = try c.decodeIfPresent(Double.self, forKey: .rewardL2) ?? d.rewardL2
            try decoder.require(rewardL2, in: 0...1_000, "reward_l2")
            rewardHalfLife = try c.decodeIfPresent(SimDuration.self, forKey: .rewardHalfLife) ?? d.rewardHalfLife
            try decoder.require(Double(rewardHalfLife.seconds), in: 3600...3.2e9, "reward_half_life")
            priorWords = try c.decodeIfPresent(Int.self, forKey: .priorWords) ?? d.priorWords
            try decoder.require(priorWords, in: 0...1_000_000, "prior_words")
            kind = try c.decodeKind(GeneratorKind.self, forKey: .kind, default: d.kind, decoder)
            openai = try c.decodeIfPresent(OpenAISpec.self, forKey: .openai)
            fewShot = try c.decodeIfPresent(FewShotSpec.self, forKey: .fewShot) ?? d.fewShot
            try openai?.checkPrompts(for: .generator, decoder)
            try checkKind(kind == .openai, openai != nil, decoder)
            process = try c.decodeIfPresent(ProcessSpec.self, forKey: .process)
            try ProcessSpec.check(isProcess: kind == .process, process: process, decoder)
        }
    }

    public var retriever = Retriever()
    public var reranker = Reranker()
    public var generator = Generator()
    public init() {}

    /// The depths the engine's recall and precision are measured at (``EngineMetric``).
    public var metricDepths: MetricDepths { MetricDepths(retriever: retriever.depth, reranker: reranker.depth) }

    enum CodingKeys: String, CodingKey, CaseIterable { case retriever, reranker, generator }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        retriever = try c.decodeIfPresent(Retriever.self, forKey: .retriever) ?? Retriever()
        reranker = try c.decodeIfPresent(Reranker.self, forKey: .reranker) ?? Reranker()
        generator = try c.decodeIfPresent(Generator.self, forKey: .generator) ?? Generator()
    }
}

/// The quality filter between annotations and training.
public struct FilterSpec: Codable, Sendable, Hashable {
    public struct VirtualJudge: Codable, Sendable, Hashable {
        /// Share of annotations it keeps that are correct.
        public var precision = 0.9
        /// Share of correct annotations it keeps.
        public var recall = 0.9
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable { case precision, recall }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = VirtualJudge()
            precision = try c.decodeIfPresent(Double.self, forKey: .precision) ?? d.precision
            try decoder.require(precision, in: 0...1, "precision")
            recall = try c.decodeIfPresent(Double.self, forKey: .recall) ?? d.recall
            try decoder.require(recall, in: 0...1, "recall")
        }
    }
    /// Annotations from agents whose estimated accuracy falls below this are dropped.
    public var minAgentTrust = 0.0
    /// An optional LLM-judge-like filter with the given precision and recall.
    public var virtualJudge: VirtualJudge?
    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable {
        case minAgentTrust = "min_agent_trust"
        case virtualJudge = "virtual_judge"
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minAgentTrust = try c.decodeIfPresent(Double.self, forKey: .minAgentTrust) ?? 0
        try decoder.require(minAgentTrust, in: 0...1, "min_agent_trust")
        virtualJudge = try c.decodeIfPresent(VirtualJudge.self, forKey: .virtualJudge)
    }
}
