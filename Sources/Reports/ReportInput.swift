import FlywheelCore

/// Everything `report.html` and the Markdown summary draw, read from one results folder by the
/// CLI (`run.sqlite`, the corpus, `cadence.json`). Plain values: the renderers do
/// no I/O.
public struct ReportInput: Sendable {
    /// One annotation an agent gave on an example ticket.
    public struct ExampleAnnotation: Sendable, Hashable {
        public var kind: String
        public var agent: String
        public var article: String?
        public var label: String
        public var detail: String?
        public init(kind: String, agent: String, article: String?, label: String, detail: String?) {
            self.kind = kind
            self.agent = agent
            self.article = article
            self.label = label
            self.detail = detail
        }
    }

    /// An example ticket: its text from the corpus and what the agent said about it.
    public struct Example: Sendable {
        public var arm: String
        public var iteration: Int
        public var ticket: String
        public var text: String
        public var annotations: [ExampleAnnotation]
        /// Titles of the articles the annotations name, by id.
        public var articleTitles: [String: String]
        /// The two replies the agent was shown (A: current policy, B: challenger), from the
        /// run's annotation log; nil when the log does not have them.
        public var replyA: String?
        public var replyB: String?
        public init(
            arm: String, iteration: Int, ticket: String, text: String, annotations: [ExampleAnnotation],
            articleTitles: [String: String],
            replyA: String? = nil, replyB: String? = nil
        ) {
            self.arm = arm
            self.iteration = iteration
            self.ticket = ticket
            self.text = text
            self.annotations = annotations
            self.articleTitles = articleTitles
            self.replyA = replyA
            self.replyB = replyB
        }
    }

    /// One evaluation of one job: its simulated time and whether the job retrained since the
    /// previous evaluation and deployed the candidate (retrained, not deployed: gate refused).
    public struct IterationMark: Sendable, Hashable {
        public var arm: String
        public var replicate: Int
        public var iteration: Int
        public var time: String
        public var retrained: Bool
        public var deployed: Bool
        public init(arm: String, replicate: Int, iteration: Int, time: String, retrained: Bool, deployed: Bool) {
            self.arm = arm
            self.replicate = replicate
            self.iteration = iteration
            self.time = time
            self.retrained = retrained
            self.deployed = deployed
        }
    }

    public var run: String
    public var scenarioHash: String
    public var baseline: String?
    /// Every metric row of the run.
    public var rows: [MetricRow]
    public var kbEvents: [KBEvent.WindowRow]
    /// Every job's evaluations (times, retrains, gate decisions); empty for stores without them.
    public var iterations: [IterationMark]
    public var examples: [Example]
    /// Per-persona annotation volume, agent time and agreement with the truth, per arm.
    public var personas: [PersonaTally]
    public var cadence: CadenceStudy?
    /// The resolved scenario as stored with the run (JSON), embedded collapsed in the report.
    public var scenarioJSON: String?
    /// Notes shown at the top (e.g. what could not be read).
    public var notes: [String]

    public init(
        run: String, scenarioHash: String, baseline: String?, rows: [MetricRow], kbEvents: [KBEvent.WindowRow] = [],
        iterations: [IterationMark] = [],
        examples: [Example] = [], personas: [PersonaTally] = [], cadence: CadenceStudy? = nil,
        scenarioJSON: String? = nil,
        notes: [String] = []
    ) {
        self.run = run
        self.scenarioHash = scenarioHash
        self.baseline = baseline
        self.rows = rows
        self.kbEvents = kbEvents
        self.iterations = iterations
        self.examples = examples
        self.personas = personas
        self.cadence = cadence
        self.scenarioJSON = scenarioJSON
        self.notes = notes
    }

    public var summary: RunSummary { RunSummary(run: run, scenarioHash: scenarioHash, baseline: baseline, rows: rows) }
}
