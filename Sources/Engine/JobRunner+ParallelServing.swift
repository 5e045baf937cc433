import FlywheelCore
import World

/// Parallel serving inside one job. Between two schedule events (retraining, publication,
/// evaluation) the deployed models do not change, and a ticket's suggestion and the judge's
/// quality of its reply A are pure functions of those models and the ticket (every draw comes
/// from a stream keyed by seed, replicate and ticket). So a batch of such tickets is suggested
/// on ``JobRunner/servingThreads`` threads, and then everything with state — agents' fatigue,
/// the knowledge queue, the window's totals, the training queue — takes the results one by
/// one in ticket order, exactly as a single thread would. Results are byte-identical for any
/// thread count.
extension JobRunner {
    /// What serving a ticket computes before any agent sees it.
    struct Suggested {
        var served: ServedSuggestion
        /// The judge's quality of reply A (the agent's response and the audit reuse it).
        var qualityA: QualityBreakdown
    }

    /// Tickets suggested together at most (a batch also ends at every schedule event).
    static let servingBatch = 512

    /// The suggestion for `record` and the quality of its reply A.
    func suggestion(for record: TicketRecord) -> Suggested {
        let served = suggest(for: record.ticket, key: StableHash.fnv1a(record.ticket.id.rawValue))
        return Suggested(served: served, qualityA: engine.world.judge.quality(of: served.a, for: record.truth))
    }

    /// Serves `batch` in order (suggestions computed on ``servingThreads`` threads first) and
    /// empties it.
    mutating func serve(batch: inout [TicketRecord]) {
        guard !batch.isEmpty else { return }
        let records = batch
        let runner = self  // the threads read a copy; nothing they call mutates
        let suggestions = WorkPool.orderedMap(count: records.count, width: servingThreads) { i in
            runner.suggestion(for: records[i])
        }
        for (record, suggested) in zip(records, suggestions) { serve(record, suggested: suggested) }
        batch.removeAll(keepingCapacity: true)
    }
}
