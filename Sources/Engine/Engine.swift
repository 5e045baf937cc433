import FlywheelCore
import World
import WorldTruth

/// The flywheel engine: replays the ticket stream through the system under test and the
/// simulated agents, retrains at each cadence boundary, and evaluates on fixed held-out tickets.
///
/// Each (arm, replicate) job is independent and a pure function of the scenario: its random
/// draws come from streams keyed by (seed, replicate, ticket, purpose), never by the arm, so arms
/// share common random numbers, and results do not depend on how many jobs run at once.
///
/// ```swift
/// let engine = try Engine(config: config, articles: articles, tickets: source, world: world) { published in
///     SystemUnderTest(retriever: …, reranker: …, generator: …)
/// }
/// try engine.run(jobs: engine.jobs, parallelism: 2) { record in try store.write(record, run: id) }
/// ```
public struct Engine: Sendable {
    public let config: EngineConfig
    public let articles: [Article]
    public let tickets: any TicketSource
    public let world: WorldSetup
    /// Builds a job's system under test over the articles published at its start; it may throw
    /// (a plugin that does not start), which ends the run.
    public let makeSystem: @Sendable ([Article]) throws -> SystemUnderTest
    let prepared: Prepared

    /// What one pass over the stream tells before any job starts.
    struct Prepared: Sendable {
        var start: Timestamp
        var end: Timestamp
        var heldOut: [TicketRecord]
        var heldOutIDs: Set<TicketID>
        /// Tickets per second of simulated time, for sizing vendor samples.
        var ticketRate: Double
    }

    public init(
        config: EngineConfig, articles: [Article], tickets: any TicketSource, world: WorldSetup,
        makeSystem: @escaping @Sendable ([Article]) throws -> SystemUnderTest
    ) throws {
        self.config = config
        self.articles = articles.sorted { $0.id < $1.id }
        self.tickets = tickets
        self.world = world
        self.makeSystem = makeSystem
        self.prepared = try Engine.prepare(config: config, tickets: tickets)
    }

    /// Every job, in a stable order: arms in the given order, replicates ascending.
    public var jobs: [JobKey] {
        config.arms.flatMap { arm in (0..<config.replicates).map { JobKey(arm: arm.name, replicate: $0) } }
    }

    /// Iterations (evaluations after iteration 0) an arm runs.
    public func iterations(of arm: EngineArm) -> Int {
        let span = prepared.end - prepared.start
        return max(1, Int((span.seconds + arm.evaluateEvery.seconds - 1) / arm.evaluateEvery.seconds))
    }

    /// The held-out tickets every iteration is evaluated on.
    public var heldOut: [TicketRecord] { prepared.heldOut }

    /// Runs `jobs` on `parallelism` cores in all: at most `parallelism` jobs at once, and when
    /// there are fewer jobs than cores, each job serves its tickets on its share of the cores
    /// (``threadsPerJob(jobs:cores:)``). Hands each iteration's record to `emit` as it completes
    /// (from several threads: `emit` must be thread-safe). The first error stops the run.
    /// Results do not depend on `parallelism`.
    public func run(
        jobs: [JobKey], parallelism: Int, emit: @escaping @Sendable (IterationRecord) throws -> Void
    ) throws {
        let threads = Engine.threadsPerJob(jobs: jobs.count, cores: parallelism)
        try WorkPool.run(count: jobs.count, width: parallelism) { index in
            try runJob(jobs[index], threads: threads, emit: emit)
            return true
        }
    }

    /// Serving threads per job when `jobs` jobs share `cores` cores: the cores the concurrent
    /// jobs leave over, split evenly (at least 1).
    public static func threadsPerJob(jobs: Int, cores: Int) -> Int {
        max(1, cores / max(1, min(jobs, cores)))
    }

    /// Runs one (arm, replicate) job from its start, computing suggestions on `threads` threads
    /// (the results are the same for any count).
    public func runJob(_ job: JobKey, threads: Int = 1, emit: (IterationRecord) throws -> Void) throws {
        guard let arm = config.arms.first(where: { $0.name == job.arm }) else {
            throw InputError(field: "arms", "no arm named '\(job.arm)'")
        }
        var runner = try JobRunner(engine: self, arm: arm, replicate: job.replicate)
        runner.servingThreads = max(1, threads)
        let check = world.healthCheck ?? {}
        guard runner.servingThreads > 1 else {
            try runner.run { record in
                try check()
                try emit(record)
            }
            try check()
            return
        }
        // With cores to spare, each record is stored on a thread of its own while the job goes on
        // (``RecordWriter``); one job's records still arrive one at a time, in order.
        try withoutActuallyEscaping(emit) { emit in
            let writer = RecordWriter(emit)
            defer { writer.drain() }
            try runner.run { record in
                try check()
                try writer.hand(record)
            }
            try writer.finish()
        }
        try check()
    }

    static func prepare(config: EngineConfig, tickets: any TicketSource) throws -> Prepared {
        var cursor = try tickets.open()
        var first: Timestamp?
        var last: Timestamp?
        var count = 0
        var heldOut: [TicketRecord] = []
        while let record = try cursor.next() {
            let t = record.ticket.createdAt
            if first == nil { first = t }
            if let h = config.horizon, let f = first, t >= f + h { break }
            last = t
            count += 1
            if heldOut.count < config.heldOutMax, Engine.isHeldOut(record.ticket.id, config: config) {
                heldOut.append(record)
            }
        }
        guard let first, let last else { throw InputError(field: "tickets", "the corpus has no tickets") }
        let start = Timestamp(secondsSinceEpoch: first.secondsSinceEpoch - first.secondsSinceEpoch % 86_400)
        let end = config.horizon.map { start + $0 } ?? Timestamp(secondsSinceEpoch: last.secondsSinceEpoch + 1)
        let span = Double(max(1, end.secondsSinceEpoch - start.secondsSinceEpoch))
        return Prepared(
            start: start, end: end, heldOut: heldOut, heldOutIDs: Set(heldOut.map(\.ticket.id)),
            ticketRate: Double(count) / span)
    }

    /// A ticket is held out when its keyed draw falls under the share; the same tickets for every
    /// arm and replicate.
    static func isHeldOut(_ id: TicketID, config: EngineConfig) -> Bool {
        var rng = RandomStream(seed: config.seed, purpose: "heldout", ids: [StableHash.fnv1a(id.rawValue)])
        return rng.uniform() < config.heldOutShare
    }
}
