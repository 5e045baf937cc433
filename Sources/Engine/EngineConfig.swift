import Evaluation
import FlywheelCore
import World

/// One arm as the engine runs it: the resolved form of a scenario arm.
public struct EngineArm: Sendable {
    /// Offline vendor labelling (the pre-AITL batch baseline).
    public struct Vendor: Sendable {
        public var sample: Int
        public var delay: SimDuration
        public var persona: Persona
        public init(sample: Int, delay: SimDuration, persona: Persona) {
            self.sample = sample
            self.delay = delay
            self.persona = persona
        }
    }

    /// Ship a retrained retriever and reranker only if, on a validation share of the cycle's
    /// relevance marks held out from training, their nDCG@10 (with the agents' marks as labels)
    /// does not fall more than `tolerance` below the deployed models'.
    public struct DeployGate: Sendable {
        public var tolerance: Double
        /// Share of the marked tickets held out from training for validation.
        public var validationShare: Double
        /// The job's false-ship budget: the chance that any candidate no better than the deployed
        /// model ships during the whole run (spent over the gate's tests, ``DeployGateLedger``).
        public var alpha: Double
        /// Most held-out tickets the gate keeps (the most recent), per stage.
        public var validationTickets: Int
        /// How `alpha` is spent over the run's tests: by their count or by simulated time.
        public var spending: DeployGateSpending
        public init(
            tolerance: Double = 0, validationShare: Double = 0.2, alpha: Double = 0.05, validationTickets: Int = 500,
            spending: DeployGateSpending = .tests
        ) {
            self.tolerance = tolerance
            self.validationShare = validationShare
            self.alpha = alpha
            self.validationTickets = validationTickets
            self.spending = spending
        }
    }

    public var name: String
    public var deployGate: DeployGate?
    public var cadence: SimDuration
    public var evaluateEvery: SimDuration
    public var retrain: Bool
    public var signals: Set<SignalKind>
    public var participation: Double
    public var vendor: Vendor?
    /// Negative control: permute labels across the cycle's tickets before training.
    public var shuffleLabels: Bool
    /// This arm's own population; nil = the world's.
    public var population: [(persona: Persona, weight: Double)]?
    /// The offline-replay arm's log: when set, feedback comes from it instead of simulated agents.
    public var log: AnnotationLog?

    public init(
        name: String, cadence: SimDuration = .days(7), evaluateEvery: SimDuration = .days(7), retrain: Bool = true,
        signals: Set<SignalKind> = Set(SignalKind.allCases), participation: Double = 1, vendor: Vendor? = nil,
        deployGate: DeployGate? = nil, shuffleLabels: Bool = false,
        population: [(persona: Persona, weight: Double)]? = nil
    ) {
        self.shuffleLabels = shuffleLabels
        self.population = population
        self.name = name
        self.deployGate = deployGate
        self.cadence = cadence
        self.evaluateEvery = evaluateEvery
        self.retrain = retrain
        self.signals = signals
        self.participation = participation
        self.vendor = vendor
    }

    /// Whether live agents' annotations of `kind` reach training in this arm.
    func collects(_ kind: SignalKind) -> Bool {
        Self.collects(kind, retrain: retrain, vendorLabelled: vendor != nil, signals: signals)
    }

    /// The rule: an arm collects a kind of agent feedback (counts it, pays its agent time, trains
    /// on it) when it retrains, is not vendor-labelled and lists the signal.
    public static func collects(_ kind: SignalKind, retrain: Bool, vendorLabelled: Bool, signals: Set<SignalKind>)
        -> Bool
    {
        retrain && !vendorLabelled && signals.contains(kind)
    }
}

/// Everything the engine needs besides the corpus and the system under test.
public struct EngineConfig: Sendable {
    public var seed: UInt64
    public var replicates: Int
    public var arms: [EngineArm]
    public var heldOutShare: Double
    public var heldOutMax: Int
    public var withholdShare: Double
    public var withholdIntroducedLater: Bool
    /// How flagged gaps get authored (see `KnowledgeQueue`).
    public var authoring: Authoring
    /// The evaluation panel: the persona whose adoption of held-out replies is `adoption`.
    public var panel: Persona
    public var minAgentTrust: Double
    /// (precision, recall) of the optional virtual-judge filter.
    public var virtualJudge: (precision: Double, recall: Double)?
    /// Simulated time replayed from the first ticket; nil = the whole stream.
    public var horizon: SimDuration?
    /// First-stage depth: recall is measured at it.
    public var retrieverDepth: Int
    /// Articles shown to the agent: precision is measured at it.
    public var rerankDepth: Int
    /// The depths the names of the metrics written follow (``EngineMetric``).
    public var metricDepths: MetricDepths { MetricDepths(retriever: retrieverDepth, reranker: rerankDepth) }
    /// Number of simulated agents on shift; each gets a persona drawn from the population.
    public var agents: Int
    /// The agents on shift when neither a scenario (`agents`) nor a caller says.
    public static let defaultAgents = 60
    /// Whether every annotation is returned for storage (counts are always returned).
    public var keepAnnotations: Bool

    public init(
        seed: UInt64 = 42, replicates: Int = 1, arms: [EngineArm], heldOutShare: Double = 0.05, heldOutMax: Int = 1500,
        withholdShare: Double = 0.1, withholdIntroducedLater: Bool = true,
        authoring: Authoring = Authoring(), panel: Persona = .evaluationPanel, minAgentTrust: Double = 0,
        virtualJudge: (precision: Double, recall: Double)? = nil, horizon: SimDuration? = nil,
        retrieverDepth: Int = 75, rerankDepth: Int = 8, agents: Int = EngineConfig.defaultAgents,
        keepAnnotations: Bool = true
    ) {
        self.seed = seed
        self.replicates = replicates
        self.arms = arms
        self.heldOutShare = heldOutShare
        self.heldOutMax = heldOutMax
        self.withholdShare = withholdShare
        self.withholdIntroducedLater = withholdIntroducedLater
        self.authoring = authoring
        self.panel = panel
        self.minAgentTrust = minAgentTrust
        self.virtualJudge = virtualJudge
        self.horizon = horizon
        self.retrieverDepth = retrieverDepth
        self.rerankDepth = rerankDepth
        self.agents = agents
        self.keepAnnotations = keepAnnotations
    }
}

/// The system under test of one job: three learners behind the FlywheelCore protocols.
public struct SystemUnderTest: Sendable {
    public var retriever: any LearningRetriever
    public var reranker: any LearningReranker
    public var generator: any LearningGenerator
    public init(retriever: any LearningRetriever, reranker: any LearningReranker, generator: any LearningGenerator) {
        self.retriever = retriever
        self.reranker = reranker
        self.generator = generator
    }
}

/// The world's side: the judge and the population agents are drawn from.
public struct WorldSetup: Sendable {
    public var judge: Judge
    public var population: [(persona: Persona, weight: Double)]
    /// When set, gives the evaluation's helpfulness instead of `judge` (e.g. an LLM judge);
    /// agents still use `judge`.
    public var scorer: (any HelpfulnessScorer)?
    /// Called before each iteration is recorded and after each job: throws the failure of an
    /// outside service (an LLM endpoint) the non-throwing system protocols could not.
    public var healthCheck: (@Sendable () throws -> Void)?
    public init(
        judge: Judge, population: [(persona: Persona, weight: Double)], scorer: (any HelpfulnessScorer)? = nil,
        healthCheck: (@Sendable () throws -> Void)? = nil
    ) {
        self.judge = judge
        self.population = population
        self.scorer = scorer
        self.healthCheck = healthCheck
    }
}

extension EngineConfig {
    /// The knowledge team's authoring desk: when a group of flagged tickets is reviewed, how
    /// well its author writes, how long writing takes and what reading flags costs.
    public struct Authoring: Sendable {
        /// Flags a group needs before its test is run.
        public var flagsNeeded: Int
        /// Time from review to publication.
        public var delay: SimDuration
        /// Level of the one-sided binomial test: group flag rate above the overall flag rate.
        public var significance: Double
        /// Probability the author writes the article the group needs.
        public var skill: Double
        public var triageMinutes: Double
        public var reviewMinutes: Double
        public init(
            flagsNeeded: Int = 3, delay: SimDuration = .days(10), significance: Double = 0.001, skill: Double = 0.9,
            triageMinutes: Double = 2, reviewMinutes: Double = 30
        ) {
            self.flagsNeeded = flagsNeeded
            self.delay = delay
            self.significance = significance
            self.skill = skill
            self.triageMinutes = triageMinutes
            self.reviewMinutes = reviewMinutes
        }
    }
}
