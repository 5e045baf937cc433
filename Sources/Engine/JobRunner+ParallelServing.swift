import FlywheelCore
import World

/// Parallel serving inside one job. Between two schedule events (retraining, publication,
/// evaluation) the deployed models do not change, and a ticket's suggestion and the judge's
/// quality of its reply A are pure functions of those models and the ticket (every draw comes
/// from a stream keyed by seed, replicate and ticket). So a batch of such tickets is suggested
/// on ``JobRunner/servingThreads`` threads, and then everything with state — the feedback
/// source (agents' fatigue, a log's deliveries), late deliveries absorbed by each ticket's time,
/// the knowledge queue, the window's totals, the training queue — takes the results one by one
/// in ticket order, exactly as a single thread would. Results are byte-identical for any
/// thread count.
///
/// A generator that calls an outside service (``ReplyGenerator/callsOutsideService``: budgets,
/// a failure latch, a recording) is not pure in that sense: its job then suggests on one
/// thread, in ticket order (``suggestionThreads``). The evaluation's scorer is likewise only
/// asked in ticket order (``offlineMetrics()``).
extension JobRunner {
    /// What serving a ticket computes before any agent sees it.
    struct Suggested {
        var served: ServedSuggestion
        /// The judge's quality of reply A, when the feedback source reads it
        /// (``FeedbackSource/readsReplyQuality``); it passes it on to the quality audit.
        var qualityA: QualityBreakdown?
    }

    /// Tickets suggested together at most (a batch also ends at every schedule event).
    static let servingBatch = 512

    /// Threads that may compute suggestions and offline outcomes: ``servingThreads``, or 1 when
    /// the generator calls an outside service.
    var suggestionThreads: Int { system.generator.callsOutsideService ? 1 : servingThreads }

    /// The suggestion for `record`, with the quality of its reply A when `judgingReplyA`.
    func suggestion(for record: TicketRecord, judgingReplyA: Bool) -> Suggested {
        let served = suggest(for: record.ticket, key: StableHash.fnv1a(record.ticket.id.rawValue))
        return Suggested(
            served: served, qualityA: judgingReplyA ? engine.world.judge.quality(of: served.a, for: record.truth) : nil)
    }

    /// Takes `batch` in ticket order — absorbing the deliveries due by each ticket's time, then
    /// serving it unless it is held out — with the suggestions computed on
    /// ``suggestionThreads`` threads first, and empties it.
    mutating func serve(batch: inout [TicketRecord]) {
        guard !batch.isEmpty else { return }
        let heldOut = engine.prepared.heldOutIDs
        let toServe = batch.filter { !heldOut.contains($0.ticket.id) }
        let judgingReplyA = feedbackSource.readsReplyQuality
        let runner = self  // the threads read a copy; nothing they call mutates
        let suggestions = WorkPool.orderedMap(count: toServe.count, width: suggestionThreads) { i in
            runner.suggestion(for: toServe[i], judgingReplyA: judgingReplyA)
        }
        var served = 0
        for record in batch {
            absorbDue(by: record.ticket.createdAt)
            if heldOut.contains(record.ticket.id) { continue }
            serve(record, suggested: suggestions[served])
            served += 1
        }
        batch.removeAll(keepingCapacity: true)
    }
}
