import Dispatch
import FlywheelCore

/// Hands a job's iteration records to `emit` on a thread of its own, one at a time and in
/// order, so that storing an evaluation (compressing the window's annotation log, inserting its
/// rows) overlaps the next window's serving instead of stopping the job. At most one record is
/// in flight: handing over the next one first waits for the last to be written, and a failed
/// write is thrown by that hand-over (or by ``finish()``), so nothing is written after a
/// failure and the records arrive in the same order as from the job's own thread.
final class RecordWriter: @unchecked Sendable {
    private let emit: (IterationRecord) throws -> Void
    private let queue = DispatchQueue(label: "flywheel.record-writer")
    /// The last write's error; written on `queue`, read after waiting for it.
    private var failure: (any Error)?

    /// `emit` must stay valid until ``finish()`` or ``drain()`` returns.
    init(_ emit: @escaping (IterationRecord) throws -> Void) {
        self.emit = emit
    }

    /// Waits for the record in flight, then starts writing `record`.
    func hand(_ record: IterationRecord) throws {
        try finish()
        queue.async { [self] in
            do { try emit(record) } catch { failure = error }
        }
    }

    /// Waits for the record in flight and throws its error, if any.
    func finish() throws {
        drain()
        if let error = failure {
            failure = nil
            throw error
        }
    }

    /// Waits for the record in flight (its error, if any, stays for ``finish()``).
    func drain() {
        queue.sync {}
    }
}
