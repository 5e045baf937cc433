import FlywheelCore
import World
import WorldTruth

/// The deployed stages of one job as a value: what serving and the evaluation ask them, and
/// nothing of the job's state besides. Between two schedule events the deployed models do not
/// change, so a window's tickets are suggested together: each stage is asked once for the whole
/// window (``Retriever/retrieve(batch:depth:attachingParts:)`` and its kin, which amortises a
/// plugin's process boundary), and a stage that is a pure function of its model
/// (``Retriever/callsOutsideService`` false) is asked in contiguous slices on `threads`
/// threads. Every draw comes from a stream keyed by seed, replicate and ticket, so the
/// suggestions do not depend on the slicing. Being a value apart from the job, it can answer a
/// window on another thread while the job takes the last window's feedback
/// (``JobRunner/serveAhead(_:ahead:)``).
struct ServingStages: Sendable {
    var system: SystemUnderTest
    var config: EngineConfig
    var articleByID: [ArticleID: Article]
    var replicate: Int
    /// Threads a stage that calls nothing outside is asked on.
    var threads: Int

    /// Whether every stage is a pure function of its model (nothing outside is called), so
    /// that it may be asked from any thread, at any time between two schedule events.
    var arePure: Bool {
        !system.retriever.callsOutsideService && !system.reranker.callsOutsideService
            && !system.generator.callsOutsideService
    }

    /// Every stage's output for `tickets`: the first stage's candidates, the reranker's order cut
    /// to `rerankDepth`, and replies A and B composed from its first ``EngineConfig/rerankDepth``
    /// articles with each ticket's `purpose` stream.
    struct Outputs {
        var candidates: [RankedList]
        var reranked: [RankedList]
        var replies: [(a: Reply, b: Reply)]
    }

    /// ``Outputs`` for `tickets`, each stage asked for the whole batch, or in slices on
    /// ``threads`` threads when it calls nothing outside (``Retriever/callsOutsideService``).
    func outputs(for tickets: [Ticket], rerankDepth: Int, purpose: String) throws -> Outputs {
        let (candidates, reranked) = try rankedLists(for: tickets, rerankDepth: rerankDepth)
        let replies = try replies(for: tickets, reranked: reranked, purpose: purpose)
        return Outputs(candidates: candidates, reranked: reranked, replies: replies)
    }

    /// The first two stages of ``outputs(for:rerankDepth:purpose:)``: the retriever's
    /// candidates and the reranker's order cut to `rerankDepth`.
    func rankedLists(for tickets: [Ticket], rerankDepth: Int) throws -> (
        candidates: [RankedList], reranked: [RankedList]
    ) {
        guard !tickets.isEmpty else { return ([], []) }
        let (system, config) = (self.system, self.config)
        let candidates = try sliced(tickets, alone: system.retriever.callsOutsideService) {
            try system.retriever.retrieve(
                batch: $0, depth: config.retrieverDepth, attachingParts: system.reranker.readsFirstStageParts)
        }
        try StageContract.check(candidates, for: tickets, stage: "retriever")
        let reranked = try sliced(Array(zip(tickets, candidates)), alone: system.reranker.callsOutsideService) {
            try system.reranker.rerank(batch: $0, depth: rerankDepth)
        }
        try StageContract.check(reranked, for: tickets, stage: "reranker")
        return (candidates, reranked)
    }

    /// The last stage of ``outputs(for:rerankDepth:purpose:)``: replies A and B for each
    /// ticket, composed from the first ``EngineConfig/rerankDepth`` articles of its reranked
    /// list with the ticket's `purpose` stream (so a ticket's replies do not depend on which
    /// other tickets are in the batch).
    func replies(for tickets: [Ticket], reranked: [RankedList], purpose: String) throws -> [(a: Reply, b: Reply)] {
        guard !tickets.isEmpty else { return [] }
        let (system, config, replicate, articleByID) = (self.system, self.config, self.replicate, self.articleByID)
        let requests = zip(tickets, reranked).map { ticket, list in
            GenerationRequest(
                ticket: ticket, articles: list.prefix(config.rerankDepth).articles.compactMap { articleByID[$0] },
                rng: RandomStream(
                    seed: config.seed, purpose: purpose, ids: [UInt64(replicate), StableHash.fnv1a(ticket.id.rawValue)])
            )
        }
        let replies = try sliced(requests, alone: system.generator.callsOutsideService) {
            try system.generator.suggest(batch: $0)
        }
        try StageContract.check(replies.count, tickets.count, stage: "generator")
        return replies
    }

    /// `stage` over `items`: once, on this thread, when `alone` or with one thread; otherwise
    /// over contiguous slices on ``threads`` threads, concatenated in order.
    func sliced<Item, Output>(_ items: [Item], alone: Bool, _ stage: ([Item]) throws -> [Output]) throws -> [Output] {
        let width = alone ? 1 : threads
        guard width > 1, items.count > 1 else { return try stage(items) }
        let slices = min(items.count, width * 4)
        let size = (items.count + slices - 1) / slices
        let parts = try WorkPool.orderedMap(count: (items.count + size - 1) / size, width: width, chunk: 1) { s in
            try stage(Array(items[(s * size)..<min(items.count, (s + 1) * size)]))
        }
        return parts.flatMap { $0 }
    }
}
