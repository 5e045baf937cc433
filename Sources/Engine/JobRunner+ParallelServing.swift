import FlywheelCore
import World
import WorldTruth

/// Serving a window. Between two schedule events (retraining, publication, evaluation) the
/// deployed models do not change, so a window's tickets are suggested together: each stage is
/// asked once for the whole window (``Retriever/retrieve(batch:depth:attachingParts:)`` and its
/// kin, which amortises a plugin's process boundary), and a stage that is a pure function of its
/// model (``Retriever/callsOutsideService`` false) is asked in contiguous slices on
/// ``JobRunner/servingThreads`` threads. Every draw comes from a stream keyed by seed,
/// replicate and ticket, so the suggestions do not depend on the slicing. Then everything with
/// state — the feedback source (agents' fatigue, a log's deliveries), late deliveries absorbed by
/// each ticket's time, the knowledge queue, the window's totals, the training queue — takes
/// the results one by one in ticket order, exactly as a single thread would. Results are
/// byte-identical for any thread count.
///
/// A stage that calls something outside with state of its own (a plugin process, an endpoint
/// with a budget, a failure latch or a recording) is asked from one thread for the whole batch,
/// in ticket order. The evaluation's scorer is likewise only asked in ticket order
/// (``offlineMetrics()``).
extension JobRunner {
    /// Tickets served together at most (a window also ends at every schedule event).
    static let servingBatch = 512

    /// Serves a window of tickets in stream order: the system's suggestions for all of them
    /// first (held-out tickets left out), with reply A's quality when the feedback source reads
    /// it, and the feedback source's answers (``FeedbackSource/feedback(onWindow:threads:)``);
    /// then each ticket in turn: the deliveries due by its time are absorbed, and a served
    /// ticket's feedback is delivered.
    mutating func serve(_ records: [TicketRecord]) throws {
        guard !records.isEmpty else { return }
        let heldOut = engine.prepared.heldOutIDs
        let toServe = records.filter { !heldOut.contains($0.ticket.id) }
        let suggestions = try stageOutputs(
            for: toServe.map(\.ticket), rerankDepth: config.rerankDepth, purpose: "generate")
        let judge = engine.world.judge
        let qualities: [QualityBreakdown?] =
            feedbackSource.readsReplyQuality
            ? WorkPool.orderedMap(count: toServe.count, width: servingThreads) { i in
                judge.quality(of: suggestions.replies[i].a, for: toServe[i].truth)
            }
            : Array(repeating: nil, count: toServe.count)
        // `published` and `library` change only at schedule events, never inside a window
        let requests = toServe.indices.map { i in
            let (record, reply) = (toServe[i], suggestions.replies[i])
            return FeedbackRequest(
                record: record,
                served: ServedSuggestion(
                    ticket: record.ticket, shown: suggestions.reranked[i].prefix(config.rerankDepth), a: reply.a,
                    b: reply.b),
                context: FeedbackContext(
                    seed: config.seed, replicate: replicate, published: published, library: library,
                    judging: JudgingContext(truth: record.truth, judge: judge, qualityA: qualities[i])))
        }
        let feedback = feedbackSource.feedback(onWindow: requests, threads: servingThreads)
        var served = 0
        for record in records {
            absorbDue(by: record.ticket.createdAt)
            if heldOut.contains(record.ticket.id) { continue }
            serve(record, served: requests[served].served, feedback: feedback[served])
            served += 1
        }
    }

    /// Every stage's output for `tickets`: the first stage's candidates, the reranker's order cut
    /// to `rerankDepth`, and replies A and B composed from its first ``EngineConfig/rerankDepth``
    /// articles with each ticket's `purpose` stream.
    struct StageOutputs {
        var candidates: [RankedList]
        var reranked: [RankedList]
        var replies: [(a: Reply, b: Reply)]
    }

    /// ``StageOutputs`` for `tickets`, each stage asked for the whole batch, or in slices on
    /// ``servingThreads`` threads when it calls nothing outside (``Retriever/callsOutsideService``).
    func stageOutputs(for tickets: [Ticket], rerankDepth: Int, purpose: String) throws -> StageOutputs {
        let (candidates, reranked) = try rankedLists(for: tickets, rerankDepth: rerankDepth)
        let replies = try replies(for: tickets, reranked: reranked, purpose: purpose)
        return StageOutputs(candidates: candidates, reranked: reranked, replies: replies)
    }

    /// The first two stages of ``stageOutputs(for:rerankDepth:purpose:)``: the retriever's
    /// candidates and the reranker's order cut to `rerankDepth`.
    func rankedLists(for tickets: [Ticket], rerankDepth: Int) throws -> (
        candidates: [RankedList], reranked: [RankedList]
    ) {
        guard !tickets.isEmpty else { return ([], []) }
        let system = self.system
        let config = self.config
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

    /// The last stage of ``stageOutputs(for:rerankDepth:purpose:)``: replies A and B for each
    /// ticket, composed from the first ``EngineConfig/rerankDepth`` articles of its reranked
    /// list with the ticket's `purpose` stream (so a ticket's replies do not depend on which
    /// other tickets are in the batch).
    func replies(for tickets: [Ticket], reranked: [RankedList], purpose: String) throws -> [(a: Reply, b: Reply)] {
        guard !tickets.isEmpty else { return [] }
        let system = self.system
        let config = self.config
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

    /// `stage` over `items`: once, on this thread, when `alone` or with one serving thread;
    /// otherwise over contiguous slices on ``servingThreads`` threads, concatenated in order.
    func sliced<Item, Output>(_ items: [Item], alone: Bool, _ stage: ([Item]) throws -> [Output]) throws -> [Output] {
        let width = alone ? 1 : servingThreads
        guard width > 1, items.count > 1 else { return try stage(items) }
        let slices = min(items.count, width * 4)
        let size = (items.count + slices - 1) / slices
        let parts = try WorkPool.orderedMap(count: (items.count + size - 1) / size, width: width, chunk: 1) { s in
            try stage(Array(items[(s * size)..<min(items.count, (s + 1) * size)]))
        }
        return parts.flatMap { $0 }
    }
}
