/// One (arm, replicate) pair of a run: the unit of work the engine schedules.
public struct JobKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var arm: String
    public var replicate: Int
    public init(arm: String, replicate: Int) {
        self.arm = arm
        self.replicate = replicate
    }
    public static func < (l: Self, r: Self) -> Bool { (l.arm, l.replicate) < (r.arm, r.replicate) }
    public var description: String { "\(arm)#\(replicate)" }
}

/// Everything one iteration of one job writes, in one transaction.
public struct IterationRecord: Sendable {
    /// One annotation as the `annotations` table keeps it: its label (which gives its kind),
    /// the ticket, the agent, the article (relevance only) and the detail (margin, rationale, or
    /// the flagged topic).
    public struct AnnotationRow: Sendable, Hashable {
        public var label: AnnotationLabel
        public var ticket: String
        public var agent: String
        public var article: String?
        public var detail: String?
        public var kind: SignalKind { label.kind }
        public init(label: AnnotationLabel, ticket: String, agent: String, article: String?, detail: String?) {
            self.label = label
            self.ticket = ticket
            self.agent = agent
            self.article = article
            self.detail = detail
        }
    }
    public struct ModelVersion: Sendable {
        public var component: String
        public var version: Int
        public var deployed: Bool
        public var trainingExamples: Int
        public init(component: String, version: Int, deployed: Bool, trainingExamples: Int) {
            self.component = component
            self.version = version
            self.deployed = deployed
            self.trainingExamples = trainingExamples
        }
    }

    public var job: JobKey
    public var iteration: Int
    public var simTime: Timestamp
    public var retrained: Bool
    public var deployed: Bool
    public var isLast: Bool
    public var metrics: [String: Double]
    public var annotations: [AnnotationRow]
    public var models: [ModelVersion]
    public var kbEvents: [KBEvent]
    /// The window's agent feedback as log entries (docs/annotations.md): each ticket's exposure,
    /// then its annotations, in the order they were given. The engine writes ``writtenLog``
    /// instead; a record made by hand may give its entries here (the store compresses them).
    public var log: [AnnotationLogEntry] = []
    /// The window's log already compressed as it was given (``AnnotationLogWriter``): the
    /// entries ``log`` would hold, in one zstd frame. The store writes it as it is.
    public var writtenLog: AnnotationLogWriter.Written?
    /// The window's collected agent feedback per persona and kind, judged against the truth
    /// (the report's per-persona panels); empty exactly when the window logged no annotation
    /// the arm collects.
    public var personaActivity = PersonaActivity()

    public init(
        job: JobKey, iteration: Int, simTime: Timestamp, retrained: Bool, deployed: Bool, isLast: Bool,
        metrics: [String: Double], annotations: [AnnotationRow] = [], models: [ModelVersion] = [],
        kbEvents: [KBEvent] = []
    ) {
        self.job = job
        self.iteration = iteration
        self.simTime = simTime
        self.retrained = retrained
        self.deployed = deployed
        self.isLast = isLast
        self.metrics = metrics
        self.annotations = annotations
        self.models = models
        self.kbEvents = kbEvents
    }
}

/// One tidy metric value.
public struct MetricRow: Sendable, Hashable {
    public var arm: String
    public var replicate: Int
    public var iteration: Int
    public var metric: String
    public var value: Double
    public init(arm: String, replicate: Int, iteration: Int, metric: String, value: Double) {
        self.arm = arm
        self.replicate = replicate
        self.iteration = iteration
        self.metric = metric
        self.value = value
    }
}
