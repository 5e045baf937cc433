import FlywheelCore
import World
import WorldTruth

/// Serving a window. The system's suggestions for a window's tickets come first, from the
/// deployed stages alone (``ServingStages``: on ``JobRunner/servingThreads`` threads when they
/// call nothing outside). Then everything with state — the feedback source (agents' fatigue, a
/// log's deliveries), late deliveries absorbed by each ticket's time, the knowledge queue, the
/// window's totals, the training queue — takes the results one by one in ticket order, exactly
/// as a single thread would. Results are byte-identical for any thread count.
///
/// A stage that calls something outside with state of its own (a plugin process, an endpoint
/// with a budget, a failure latch or a recording) is asked from one thread for the whole batch,
/// in ticket order. The evaluation's scorer is likewise only asked in ticket order
/// (``offlineMetrics()``).
extension JobRunner {
    /// Tickets served together at most by default (``JobRunner/servingBatch``).
    static let defaultServingBatch = 512

    /// The deployed stages as a value apart from the job's state (``ServingStages``).
    var stages: ServingStages {
        ServingStages(
            system: system, config: config, articleByID: articleByID, replicate: replicate, threads: servingThreads)
    }

    /// The window's suggestions for `records` (``ServingStages/suggestions(for:heldOut:judge:)``),
    /// with reply A's quality when the feedback source reads it.
    func suggestions(for records: [TicketRecord]) throws -> WindowSuggestions {
        try stages.suggestions(
            for: records, heldOut: engine.prepared.heldOutIDs,
            judge: feedbackSource.readsReplyQuality ? engine.world.judge : nil)
    }

    /// Serves a window of tickets in stream order: its suggestions, then ``take(_:)``.
    mutating func serve(_ records: [TicketRecord]) throws {
        guard !records.isEmpty else { return }
        try take(suggestions(for: records))
    }

    /// Takes a window whose suggestions are computed: the feedback source's answers
    /// (``FeedbackSource/feedback(onWindow:threads:)``), then each ticket in turn: the
    /// deliveries due by its time are absorbed, and a served ticket's feedback is delivered.
    mutating func take(_ window: WindowSuggestions) {
        let judge = engine.world.judge
        // `published` and `library` change only at schedule events, never inside a window
        let requests = window.toServe.indices.map { i in
            let (record, reply) = (window.toServe[i], window.outputs.replies[i])
            return FeedbackRequest(
                record: record,
                served: ServedSuggestion(
                    ticket: record.ticket, shown: window.outputs.reranked[i].prefix(config.rerankDepth), a: reply.a,
                    b: reply.b),
                context: FeedbackContext(
                    seed: config.seed, replicate: replicate, published: published, library: library,
                    judging: JudgingContext(truth: record.truth, judge: judge, qualityA: window.qualities[i])))
        }
        let feedback = feedbackSource.feedback(onWindow: requests, threads: servingThreads)
        let heldOut = engine.prepared.heldOutIDs
        var served = 0
        for record in window.records {
            absorbDue(by: record.ticket.createdAt)
            if heldOut.contains(record.ticket.id) { continue }
            serve(record, served: requests[served].served, feedback: feedback[served])
            served += 1
        }
    }

    /// The evaluation's first two stages (``ServingStages/rankedLists(for:rerankDepth:)``).
    func rankedLists(for tickets: [Ticket], rerankDepth: Int) throws -> (
        candidates: [RankedList], reranked: [RankedList]
    ) {
        try stages.rankedLists(for: tickets, rerankDepth: rerankDepth)
    }

    /// The evaluation's replies (``ServingStages/replies(for:reranked:purpose:)``).
    func replies(for tickets: [Ticket], reranked: [RankedList], purpose: String) throws -> [(a: Reply, b: Reply)] {
        try stages.replies(for: tickets, reranked: reranked, purpose: purpose)
    }
}

/// A window's suggestions, computed from the deployed stages alone before anything with state
/// takes them (``JobRunner/take(_:)``).
struct WindowSuggestions {
    /// The window's tickets in stream order, held-out ones included (their times still release
    /// due deliveries).
    var records: [TicketRecord]
    /// The tickets served: `records` without the held-out ones.
    var toServe: [TicketRecord]
    /// The stages' outputs for `toServe`.
    var outputs: ServingStages.Outputs
    /// Reply A's quality for each of `toServe`, when the feedback source reads it (else nil).
    var qualities: [QualityBreakdown?]
}

extension ServingStages {
    /// ``WindowSuggestions`` for `records`: the stages' outputs for those not `heldOut`, and
    /// reply A's quality by `judge` (nil: not wanted), on ``threads`` threads.
    func suggestions(for records: [TicketRecord], heldOut: Set<TicketID>, judge: Judge?) throws
        -> WindowSuggestions
    {
        let toServe = records.filter { !heldOut.contains($0.ticket.id) }
        let outputs = try self.outputs(for: toServe.map(\.ticket), rerankDepth: config.rerankDepth, purpose: "generate")
        let qualities: [QualityBreakdown?] =
            judge.map { judge in
                WorkPool.orderedMap(count: toServe.count, width: threads) { i in
                    judge.quality(of: outputs.replies[i].a, for: toServe[i].truth)
                }
            } ?? Array(repeating: nil, count: toServe.count)
        return WindowSuggestions(records: records, toServe: toServe, outputs: outputs, qualities: qualities)
    }
}
