import Engine
import FlywheelCore
import World

/// A scenario: one corpus, a population of simulated agents, the system's settings, and one or
/// more arms run over the same ticket stream for `replicates` seeds (docs/scenarios.md).
///
/// Every field has its default here, in the property initialisers, and nowhere else; decoding
/// fills in what the file leaves out and rejects keys it does not know.
///
/// ```yaml
/// version: 1
/// corpus: ../corpora/marketplace     # relative to this file's folder (ScenarioPaths)
/// seed: 42
/// replicates: 3
/// population:
///   - {persona: careful-expert, weight: 0.3}
///   - {persona: rushed, weight: 0.7}
/// arms:
///   aitl:   {cadence: 7d}
///   frozen: {retrain: false}
/// baseline: frozen
/// ```
public struct Scenario: Codable, Sendable, Hashable {
    public var version = 1
    /// Corpus folder; relative to the scenario file's folder (``ScenarioPaths``).
    public var corpus = "corpora/marketplace"
    public var seed: UInt64 = 42
    public var replicates = 3
    public var heldout = HeldOutSpec()
    public var knowledge = KnowledgeSpec()
    /// Folder holding `<persona>.yaml` files; relative to the scenario file's folder.
    public var personas = "scenarios/personas"
    public var population: [PopulationEntry] = [PopulationEntry()]
    /// Simulated agents on shift; each gets a persona drawn from the population.
    public var agents = EngineConfig.defaultAgents
    /// The evaluation panel: the persona whose adoption of held-out replies is the offline
    /// `adoption` metric, identical across arms and scenarios. nil = the built-in panel
    /// (`Persona.evaluationPanel`); a name = `<personas>/<name>.yaml`.
    public var panel: String?
    public var system = SystemSpec()
    /// The judge's rubric (helpfulness and the quality agents perceive).
    public var judge = JudgeSpec()
    public var filter = FilterSpec()
    public var arms: [String: ArmSpec] = ["aitl": ArmSpec(), "frozen": ArmSpec(retrain: false)]
    /// The arm others are compared with; must name an arm.
    public var baseline: String? = "frozen"
    /// How much simulated time to replay from the first ticket; nil = the whole corpus.
    public var horizon: SimDuration?
    /// Assertions `flywheel check` evaluates (see ``Expectation``); none by default.
    public var expect: [Expectation] = []
    /// The cost model `flywheel cadence` uses.
    public var cost = CostModel()

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, corpus, seed, replicates, heldout, knowledge, personas, population, agents, panel, system, judge,
            filter, arms, baseline, horizon, expect, cost
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Scenario()
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? d.version
        try decoder.require(version, in: 1...1, "version")
        corpus = try c.decodeIfPresent(String.self, forKey: .corpus) ?? d.corpus
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        replicates = try c.decodeIfPresent(Int.self, forKey: .replicates) ?? d.replicates
        try decoder.require(replicates, in: 1...1000, "replicates")
        heldout = try c.decodeIfPresent(HeldOutSpec.self, forKey: .heldout) ?? d.heldout
        knowledge = try c.decodeIfPresent(KnowledgeSpec.self, forKey: .knowledge) ?? d.knowledge
        personas = try c.decodeIfPresent(String.self, forKey: .personas) ?? d.personas
        population = try c.decodeIfPresent([PopulationEntry].self, forKey: .population) ?? d.population
        if !(!population.isEmpty && population.map(\.weight).reduce(0, +) > 0) {
            try decoder.report(
                path: decoder.keyPath + ["population"],
                message: "the population needs at least one persona and weights summing to a positive number")
        }
        agents = try c.decodeIfPresent(Int.self, forKey: .agents) ?? d.agents
        try decoder.require(agents, in: 1...100_000, "agents")
        panel = try c.decodeIfPresent(String.self, forKey: .panel)
        if let panel { try decoder.requirePersonaName(panel, "panel") }
        system = try c.decodeIfPresent(SystemSpec.self, forKey: .system) ?? d.system
        judge = try c.decodeIfPresent(JudgeSpec.self, forKey: .judge) ?? d.judge
        filter = try c.decodeIfPresent(FilterSpec.self, forKey: .filter) ?? d.filter
        arms = try c.decodeIfPresent([String: ArmSpec].self, forKey: .arms) ?? d.arms
        if arms.isEmpty {
            try decoder.report(path: decoder.keyPath + ["arms"], message: "a scenario needs at least one arm")
        }
        baseline =
            try c.decodeIfPresent(String.self, forKey: .baseline)
            ?? d.baseline.flatMap { arms[$0] == nil ? nil : $0 }
        if let baseline, arms[baseline] == nil {
            try decoder.report(
                path: decoder.keyPath + ["baseline"],
                message: "'\(baseline)' is not an arm; arms: \(arms.keys.sorted().joined(separator: ", "))")
        }
        horizon = try c.decodeIfPresent(SimDuration.self, forKey: .horizon)
        expect = try c.decodeIfPresent([Expectation].self, forKey: .expect) ?? d.expect
        cost = try c.decodeIfPresent(CostModel.self, forKey: .cost) ?? d.cost
        try validateReferences(decoder)
    }

    /// Arm names in a stable order (sorted), so jobs and outputs never depend on YAML order.
    public var armNames: [String] { arms.keys.sorted() }
}

/// Which tickets are held out: never served, evaluated every iteration.
public struct HeldOutSpec: Codable, Sendable, Hashable {
    /// Share of tickets held out, drawn by a hash of the ticket id under the scenario seed.
    public var share = 0.05
    /// At most this many held-out tickets are evaluated (the first ones in time order).
    public var max = 1500
    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable { case share, max }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HeldOutSpec()
        share = try c.decodeIfPresent(Double.self, forKey: .share) ?? d.share
        try decoder.require(share, in: 0.001...0.5, "share")
        max = try c.decodeIfPresent(Int.self, forKey: .max) ?? d.max
        try decoder.require(max, in: 1...1_000_000, "max")
    }
}

/// Missing knowledge and how gaps get closed.
public struct KnowledgeSpec: Codable, Sendable, Hashable {
    public struct Withhold: Codable, Sendable, Hashable {
        /// Share of articles missing from the published knowledge base at the start.
        public var share = 0.10
        /// Also withhold every article whose `introduced_at` is after the first ticket.
        public var introducedLater = true
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable {
            case share
            case introducedLater = "introduced_later"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Withhold()
            share = try c.decodeIfPresent(Double.self, forKey: .share) ?? d.share
            try decoder.require(share, in: 0...0.9, "share")
            introducedLater = try c.decodeIfPresent(Bool.self, forKey: .introducedLater) ?? d.introducedLater
        }
    }
    public struct Authoring: Codable, Sendable, Hashable {
        /// Missing-knowledge flags on one gap before authors write the article.
        public var flagsNeeded = 3
        /// Time from reaching the threshold to publishing.
        public var delay = SimDuration.days(10)
        /// Level of the one-sided binomial test a group's flag rate must pass against the overall
        /// flag rate before an author reviews it.
        public var significance = 0.001
        /// Probability the author writes the article the group needs (else its near-duplicate,
        /// or nothing).
        public var skill = 0.9
        /// Author minutes spent reading each flag.
        public var triageMinutes = 2.0
        /// Author minutes spent on each group review (written or not).
        public var reviewMinutes = 30.0
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable {
            case delay, significance, skill
            case flagsNeeded = "flags_needed"
            case triageMinutes = "triage_minutes"
            case reviewMinutes = "review_minutes"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Authoring()
            flagsNeeded = try c.decodeIfPresent(Int.self, forKey: .flagsNeeded) ?? d.flagsNeeded
            try decoder.require(flagsNeeded, in: 1...10_000, "flags_needed")
            delay = try c.decodeIfPresent(SimDuration.self, forKey: .delay) ?? d.delay
            significance = try c.decodeIfPresent(Double.self, forKey: .significance) ?? d.significance
            try decoder.require(significance, in: 1e-12...0.5, "significance")
            skill = try c.decodeIfPresent(Double.self, forKey: .skill) ?? d.skill
            try decoder.require(skill, in: 0...1, "skill")
            triageMinutes = try c.decodeIfPresent(Double.self, forKey: .triageMinutes) ?? d.triageMinutes
            try decoder.require(triageMinutes, in: 0...10_000, "triage_minutes")
            reviewMinutes = try c.decodeIfPresent(Double.self, forKey: .reviewMinutes) ?? d.reviewMinutes
            try decoder.require(reviewMinutes, in: 0...100_000, "review_minutes")
        }
    }
    public var withhold = Withhold()
    public var authoring = Authoring()
    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable { case withhold, authoring }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        withhold = try c.decodeIfPresent(Withhold.self, forKey: .withhold) ?? Withhold()
        authoring = try c.decodeIfPresent(Authoring.self, forKey: .authoring) ?? Authoring()
    }
}

/// One persona of the agent population and its share.
public struct PopulationEntry: Codable, Sendable, Hashable {
    public var persona = "careful-expert"
    public var weight = 1.0
    public init() {}
    public init(persona: String, weight: Double) {
        self.persona = persona
        self.weight = weight
    }
    enum CodingKeys: String, CodingKey, CaseIterable { case persona, weight }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        persona = try c.decode(String.self, forKey: .persona)
        try decoder.requirePersonaName(persona, "persona")
        weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        try decoder.require(weight, in: 0...1_000_000, "weight")
    }
}
