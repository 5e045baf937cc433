import Engine
import FlywheelCore
import World

/// Where an arm's agent feedback comes from.
public enum FeedbackKind: String, ClosedVocabulary, Hashable {
    /// The scenario's (or the arm's) simulated agents.
    case simulated
    /// An annotation log (`log:`), replayed in time order: the offline-replay arm.
    case logged
}

/// One configuration of the loop, e.g. weekly AITL, quarterly batch labelling, or frozen.
public struct ArmSpec: Codable, Sendable, Hashable {
    /// Offline labelling by a vendor, as before AITL: every `cadence` a sample of past tickets
    /// is labelled, and the labels arrive `delay` later.
    public struct Labelling: Codable, Sendable, Hashable {
        /// Tickets the vendor labels per retraining cycle.
        public var vendorSample = 2000
        /// Time from the end of the labelled window to the labels being usable.
        public var delay = SimDuration.days(21)
        /// The persona the vendor's labellers follow.
        public var persona = "careful-expert"
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable {
            case delay, persona
            case vendorSample = "vendor_sample"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Labelling()
            vendorSample = try c.decodeIfPresent(Int.self, forKey: .vendorSample) ?? d.vendorSample
            try decoder.require(vendorSample, in: 0...10_000_000, "vendor_sample")
            delay = try c.decodeIfPresent(SimDuration.self, forKey: .delay) ?? d.delay
            persona = try c.decodeIfPresent(String.self, forKey: .persona) ?? d.persona
            try decoder.requirePersonaName(persona, "persona")
        }
    }

    /// The deploy gate (see `EngineArm.DeployGate`): on by default, as production ships models.
    public struct DeployGate: Codable, Sendable, Hashable {
        private static let engine = EngineArm.DeployGate()
        /// false ships every retrained model unchecked.
        public var enabled = true
        /// Largest drop in validation nDCG@10 (on agents' marks) a candidate may show and ship.
        public var tolerance = engine.tolerance
        /// Share of each cycle's marked tickets held out of training to validate on.
        public var validationShare = engine.validationShare
        /// The run's false-ship budget per job, spent over the gate's tests.
        public var alpha = engine.alpha
        /// Most held-out tickets the gate keeps (the most recent).
        public var validationTickets = engine.validationTickets
        /// How `alpha` is spent over the run: `tests` (the k-th at alpha/(k(k+1))) or `time`.
        public var spending = engine.spending
        public init() {}

        /// The gate as the engine runs it; nil when disabled.
        public var engineGate: EngineArm.DeployGate? {
            guard enabled else { return nil }
            return EngineArm.DeployGate(
                tolerance: tolerance, validationShare: validationShare, alpha: alpha,
                validationTickets: validationTickets, spending: spending)
        }
        enum CodingKeys: String, CodingKey, CaseIterable {
            case enabled, tolerance, alpha, spending
            case validationShare = "validation_share"
            case validationTickets = "validation_tickets"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = DeployGate()
            enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? d.enabled
            tolerance = try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? d.tolerance
            try decoder.require(tolerance, in: 0...1, "tolerance")
            validationShare = try c.decodeIfPresent(Double.self, forKey: .validationShare) ?? d.validationShare
            try decoder.require(validationShare, in: 0.01...0.9, "validation_share")
            alpha = try c.decodeIfPresent(Double.self, forKey: .alpha) ?? d.alpha
            try decoder.require(alpha, in: 0.0001...0.5, "alpha")
            validationTickets = try c.decodeIfPresent(Int.self, forKey: .validationTickets) ?? d.validationTickets
            try decoder.require(validationTickets, in: 10...1_000_000, "validation_tickets")
            spending = try c.decodeIfPresent(DeployGateSpending.self, forKey: .spending) ?? d.spending
        }
    }

    /// Simulated time between retrainings (and evaluations).
    public var cadence = SimDuration.days(7)
    /// Whether the models are ever retrained; `false` is the frozen arm.
    public var retrain = true
    /// Which live signals reach training; remove one for an ablation.
    public var signals: [SignalKind] = SignalKind.allCases
    /// Scales every persona's participation; 0 means agents never annotate.
    public var participation = 1.0
    /// When set, labels come from an offline vendor instead of live agents.
    public var labelling: Labelling?
    /// Evaluate every this much simulated time, whatever the cadence (default: weekly).
    public var evaluateEvery = SimDuration.days(7)
    /// Ship retrained retrieval models only when they pass validation on held-out marks.
    public var deployGate = DeployGate()
    /// A negative control: before training, every label of a cycle is permuted across the
    /// cycle's tickets (relevance marks, preference choices, adoption outcomes with their
    /// rationales), keeping their shares and breaking their link with what they label.
    public var shuffleLabels = false
    /// This arm's own agent population (default: the scenario's), so populations of different
    /// skill run side by side on the same tickets with common random numbers.
    public var population: [PopulationEntry]?
    /// Simulated agents, or a log replayed offline.
    public var feedback = FeedbackKind.simulated
    /// The annotation log a `logged` arm learns from (docs/annotations.md), relative to the
    /// scenario file's folder (``ScenarioPaths``).
    public var log: String?

    public init() {}
    public init(retrain: Bool) { self.retrain = retrain }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case cadence, retrain, signals, participation, labelling
        case evaluateEvery = "evaluate_every"
        case deployGate = "deploy_gate"
        case shuffleLabels = "shuffle_labels"
        case population, feedback, log
    }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ArmSpec()
        cadence = try c.decodeIfPresent(SimDuration.self, forKey: .cadence) ?? d.cadence
        if cadence.seconds < 3600 {
            try decoder.report(path: decoder.keyPath + ["cadence"], message: "a cadence must be at least 1h")
        }
        retrain = try c.decodeIfPresent(Bool.self, forKey: .retrain) ?? d.retrain
        signals = try c.decodeIfPresent([SignalKind].self, forKey: .signals) ?? d.signals
        participation = try c.decodeIfPresent(Double.self, forKey: .participation) ?? d.participation
        try decoder.require(participation, in: 0...1, "participation")
        labelling = try c.decodeIfPresent(Labelling.self, forKey: .labelling)
        evaluateEvery = try c.decodeIfPresent(SimDuration.self, forKey: .evaluateEvery) ?? d.evaluateEvery
        deployGate = try c.decodeIfPresent(DeployGate.self, forKey: .deployGate) ?? d.deployGate
        shuffleLabels = try c.decodeIfPresent(Bool.self, forKey: .shuffleLabels) ?? d.shuffleLabels
        population = try c.decodeIfPresent([PopulationEntry].self, forKey: .population)
        if let population, population.isEmpty || population.map(\.weight).reduce(0, +) <= 0 {
            try decoder.report(
                path: decoder.keyPath + ["population"],
                message: "an arm's population needs at least one persona and weights summing to a positive number")
        }
        feedback = try c.decodeIfPresent(FeedbackKind.self, forKey: .feedback) ?? d.feedback
        log = try c.decodeIfPresent(String.self, forKey: .log)
        switch (feedback, log) {
        case (.logged, nil):
            try decoder.report(
                path: decoder.keyPath + ["log"], message: "a `feedback: logged` arm needs the log's path")
        case (.simulated, .some):
            try decoder.report(path: decoder.keyPath + ["log"], message: "only a `feedback: logged` arm reads a log")
        case (.logged, .some) where labelling != nil:
            try decoder.report(
                path: decoder.keyPath + ["labelling"],
                message: "a `feedback: logged` arm cannot also have vendor labelling")
        default: break
        }
        if evaluateEvery.seconds < 3600 {
            try decoder.report(path: decoder.keyPath + ["evaluate_every"], message: "must be at least 1h")
        }
    }
}
