import Dispatch
import FlywheelCore
import WorldTruth

/// Serving one window ahead. A window's suggestions are a pure function of the deployed stages
/// (``ServingStages``), which change only at schedule events; what takes them — the feedback
/// source, the deliveries, the knowledge queue, the window's totals, the training queue — runs
/// in ticket order on the job's thread and is most of what a second core cannot share. So with
/// a second thread, while the job's thread takes window k's suggestions (``JobRunner/take(_:)``)
/// and reads window k+1's successor from the corpus, window k+1's suggestions are computed on
/// another thread. Before a schedule event changes the system, the window in flight is taken
/// (``JobRunner/finishAhead(_:)``). Each window is still taken whole and in order, so results
/// are byte-identical for any thread count; with one thread, or a stage that calls something
/// outside (whose calls keep their old order), a window is computed and taken at once.
extension JobRunner {
    /// Serves `records` (a window in stream order): computes its suggestions on a thread of
    /// their own when that is allowed, then takes the window before it (`ahead`, if any), and
    /// leaves this one in `ahead`; otherwise takes `ahead` and serves `records` at once.
    mutating func serveAhead(_ records: [TicketRecord], ahead: inout Ahead<WindowSuggestions>?) throws {
        let stages = self.stages
        guard servingThreads > 1, stages.arePure else {
            try finishAhead(&ahead)
            try serve(records)
            return
        }
        let (heldOut, judge) = (engine.prepared.heldOutIDs, feedbackSource.readsReplyQuality ? engine.world.judge : nil)
        let next =
            records.isEmpty ? nil : Ahead { try stages.suggestions(for: records, heldOut: heldOut, judge: judge) }
        let last = ahead
        ahead = next
        if let last { take(try last.value()) }
    }

    /// Takes the window in flight, if any (before a schedule event, and at the end).
    mutating func finishAhead(_ ahead: inout Ahead<WindowSuggestions>?) throws {
        guard let last = ahead else { return }
        ahead = nil
        take(try last.value())
    }
}

/// A value computed on a thread of its own, taken later (``value()``): for work whose inputs
/// are fixed when it starts and which touches nothing else.
final class Ahead<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once on the computing thread, read after `done` is waited for.
    private var result: Result<Value, any Error>?

    /// Starts computing `body` on a thread of its own.
    init(_ body: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            result = Result { try body() }
            done.leave()
        }
    }

    /// Waits for the value; rethrows the error `body` threw.
    func value() throws -> Value {
        wait()
        return try result!.get()
    }

    /// Waits for the computation to end (its result, if any, kept for ``value()``).
    func wait() {
        done.wait()
    }
}
