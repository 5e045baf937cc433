import Evaluation
import FlywheelCore
import World
import WorldTruth

/// The loop of one (arm, replicate) job (README, "How it works").
struct JobRunner {
    let engine: Engine
    let arm: EngineArm
    let replicate: Int
    let config: EngineConfig
    let articleByID: [ArticleID: Article]
    /// Simulated agents or a log (the `feedback: logged` arm).
    var feedbackSource: any FeedbackSource
    /// Deliveries whose time has not come yet (a log's annotations given after their ticket).
    var inbox: [DeliveredFeedback] = []
    var published: Set<ArticleID>
    /// `published`, sorted: what an agent's own knowledge-base search draws from.
    var library: [ArticleID]
    var knowledge: KnowledgeQueue
    var system: SystemUnderTest
    var pending = PendingFeedback()
    /// The truths of the last 256 served tickets, only in shuffled-labels control arms.
    var recentTruths: [TicketTruth] = []
    var window = WindowTotals()
    var trust = AgentTrust()
    var vendorQueue: [(served: ServedSuggestion, truth: TicketTruth)] = []
    var versions = [0, 0, 0]
    var trainingExamples = (relevance: 0, generator: 0)
    var retrainsSinceEvaluation = 0
    /// Retrainings the deploy gate refused since the last evaluation.
    var gateRejections = 0
    /// Whether a new retriever/reranker and a new generator shipped since the last evaluation.
    var shippedRetrieval = false
    /// The retriever and reranker still in training after the deploy gate refused them (nil:
    /// the deployed ones are the training line).
    var trainingLine: (retriever: any LearningRetriever, reranker: any LearningReranker)?
    /// The retrieval deploy gate's held-out tickets, tests run and memo (``DeployGateLedger``).
    var retrievalGate = DeployGateLedger<(Ticket, [ArticleID: Int])>()
    /// The generator still in training after the deploy gate refused it (nil: the deployed one).
    var generatorLine: (any LearningGenerator)?
    /// The generator deploy gate's held-out items and tests run.
    var generatorGate = DeployGateLedger<GeneratorGateCheck.Item>()
    var shippedGenerator = false
    var kbEvents: [KBEvent] = []
    /// The last offline evaluation and the system state it measured (see `evaluationRecord`).
    var offlineMemo: (fingerprint: [Int], metrics: [String: Double])?
    /// Each held-out ticket's replies and judged outcome at the last evaluation that generated
    /// them (see ``HeldOutReplies``).
    var heldOutReplies = HeldOutReplies()
    /// Threads that compute suggestions (served and held-out tickets) in parallel; results do
    /// not depend on it (see JobRunner+ParallelServing.swift).
    var servingThreads = 1

    init(engine: Engine, arm: EngineArm, replicate: Int) throws {
        self.engine = engine
        self.arm = arm
        self.replicate = replicate
        self.config = engine.config
        self.articleByID = Dictionary(uniqueKeysWithValues: engine.articles.map { ($0.id, $0) })
        let withheld = JobRunner.withheld(engine: engine, replicate: replicate)
        let published = Set(engine.articles.map(\.id)).subtracting(withheld)
        self.published = published
        self.library = published.sorted()
        self.knowledge = KnowledgeQueue(withheld: withheld, settings: config.authoring)
        self.feedbackSource =
            arm.log.map { LoggedFeedback(log: $0) }
            ?? SimulatedFeedback(agents: JobRunner.agents(engine: engine, arm: arm, replicate: replicate))
        self.system = try engine.makeSystem(engine.articles.filter { published.contains($0.id) })
    }

    /// Articles missing at the start: a keyed share, plus (optionally) those introduced later.
    static func withheld(engine: Engine, replicate: Int) -> Set<ArticleID> {
        var out = Set<ArticleID>()
        for article in engine.articles {
            if engine.config.withholdIntroducedLater, let t = article.introducedAt, t > engine.prepared.start {
                out.insert(article.id)
                continue
            }
            var rng = RandomStream(
                seed: engine.config.seed, purpose: "withhold",
                ids: [UInt64(replicate), StableHash.fnv1a(article.id.rawValue)])
            if rng.uniform() < engine.config.withholdShare { out.insert(article.id) }
        }
        return out
    }

    /// The agents on shift, each with a persona drawn from the population (scaled participation).
    static func agents(engine: Engine, arm: EngineArm, replicate: Int) -> [SimulatedAgent] {
        let population = arm.population ?? engine.world.population
        let weights = population.map(\.weight)
        return (0..<engine.config.agents).map { i in
            var rng = RandomStream(
                seed: engine.config.seed, purpose: "agent-persona", ids: [UInt64(replicate), UInt64(i)])
            var persona = population[rng.weightedIndex(weights)].persona
            persona.participation.preference *= arm.participation
            persona.participation.adoption *= arm.participation
            persona.participation.relevance *= arm.participation
            persona.participation.missingKnowledge *= arm.participation
            let digits = String(i)
            return SimulatedAgent(
                id: AgentID("agent-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits),
                persona: persona)
        }
    }

    mutating func run(emit: (IterationRecord) throws -> Void) throws {
        let job = JobKey(arm: arm.name, replicate: replicate)
        let iterations = engine.iterations(of: arm)
        let schedule = Schedule(
            start: engine.prepared.start, cadence: arm.cadence, evaluateEvery: arm.evaluateEvery,
            retrains: arm.retrain, iterations: iterations)
        let events = schedule.events()
        var nextEvent = 0

        try emit(evaluationRecord(job: job, iteration: 0, time: engine.prepared.start, isLast: false))
        var cursor = try engine.tickets.open()
        // The system changes only at events (retraining, publication), so the tickets between two
        // events are one window: served together, their stages asked once per window (at most
        // ``servingBatch`` tickets at once, which bounds the memory a long window holds). Held-out
        // tickets stay in the window unserved: their times still release due deliveries.
        var pending: [TicketRecord] = []
        func handle(until time: Timestamp?, _ runner: inout JobRunner, emit: (IterationRecord) throws -> Void) throws {
            guard nextEvent < events.count, time.map({ events[nextEvent].time <= $0 }) ?? true else { return }
            try runner.serve(pending)
            pending.removeAll(keepingCapacity: true)
            while nextEvent < events.count, time.map({ events[nextEvent].time <= $0 }) ?? true {
                let (at, event) = events[nextEvent]
                nextEvent += 1
                try runner.publishAuthored(by: at)
                runner.absorbDue(by: at)
                switch event {
                case .retrain:
                    try runner.retrain(at: at)
                case .evaluate(let k):
                    try emit(runner.evaluationRecord(job: job, iteration: k, time: at, isLast: k == iterations))
                }
            }
        }
        while let record = try cursor.next() {
            let t = record.ticket.createdAt
            if t >= schedule.end { break }
            try handle(until: t, &self, emit: emit)
            pending.append(record)
            if pending.count >= JobRunner.servingBatch {
                try serve(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try serve(pending)
        pending.removeAll()
        try handle(until: nil, &self, emit: emit)
    }

    // MARK: Serving

    /// Serves one ticket given its suggestion and the feedback on it (both computed for its
    /// whole window beforehand, possibly on other threads: ``serve(_:)``): everything else with
    /// state happens here, in ticket order.
    mutating func serve(_ record: TicketRecord, served: ServedSuggestion, feedback: [DeliveredFeedback]) {
        let ticket = record.ticket
        let key = StableHash.fnv1a(ticket.id.rawValue)
        window.served += 1

        if let vendor = arm.vendor, arm.retrain {
            var rng = RandomStream(seed: config.seed, purpose: "vendor-sample", ids: [UInt64(replicate), key])
            let perCycle = engine.prepared.ticketRate * Double(arm.cadence.seconds)
            if rng.uniform() < Double(vendor.sample) / max(1, perCycle) {
                vendorQueue.append((served, record.truth))
            }
        }

        let published = self.published
        if arm.collects(.missingKnowledge) { knowledge.observe(record.truth, published: { published.contains($0) }) }
        if arm.shuffleLabels {
            if recentTruths.count == 256 { recentTruths.removeFirst() }
            recentTruths.append(record.truth)
        }
        deliver(feedback, at: ticket.createdAt)
    }
}
