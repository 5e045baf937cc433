import Dispatch
import FlywheelCore

/// Runs jobs on a thread of its own, one at a time, in the order they were submitted, with at
/// most `capacity` submitted and not yet finished: `submit` blocks while that many are
/// pending, which bounds the memory a fast producer can queue up for a slow consumer.
///
/// The first job that throws stops the work: later jobs are skipped and the error is rethrown
/// by the next ``submit(_:)`` and by ``finish()``. Used by ``ZstdFileWriter`` to compress on one
/// thread while the caller makes the next bytes on others.
///
/// ```swift
/// let worker = SerialWorker(label: "zstd", capacity: 32)
/// try worker.submit { try compress(chunk) }
/// try worker.finish()        // every job done, or the first error
/// ```
final class SerialWorker: Sendable {
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private struct State {
        var failure: (any Error)?
        var cancelled = false
    }
    private let state = Locked(State())

    init(label: String, capacity: Int) {
        precondition(capacity >= 1, "SerialWorker needs room for at least one job")
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: capacity)
    }

    /// Queues `job`, waiting while `capacity` jobs are pending; throws the first error of an
    /// earlier job instead of queueing.
    func submit(_ job: @escaping @Sendable () throws -> Void) throws {
        if let failure = state.withLock({ $0.failure }) { throw failure }
        slots.wait()
        queue.async { [state, slots] in
            defer { slots.signal() }
            guard state.withLock({ $0.failure == nil && !$0.cancelled }) else { return }
            do {
                try job()
            } catch {
                state.withLock { s in
                    if s.failure == nil { s.failure = error }
                }
            }
        }
    }

    /// Waits until every submitted job has run (or been skipped); rethrows the first error.
    func finish() throws {
        queue.sync {}
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// Skips the jobs not yet started and waits for the running one: the caller gave up.
    func cancel() {
        state.withLock { $0.cancelled = true }
        queue.sync {}
    }
}
