import Dispatch

/// A fixed-width pool over `0..<count`: each index is handed out once, to at most `width`
/// threads at a time, in ascending order of start. Used for (arm, replicate) jobs and sweep
/// cells; results must not depend on `width`, so callers key every draw by what the work is,
/// never by which thread or in which order it ran.
///
/// ```swift
/// try WorkPool.run(count: jobs.count, width: 2) { i in
///     try runJob(jobs[i])
///     return true            // false: hand out no more work
/// }
/// ```
public enum WorkPool {
    /// Runs `body(i)` for every index until all are done, `body` returns false, or one throws;
    /// the first error is rethrown after the running ones finish.
    public static func run(count: Int, width: Int, _ body: (Int) throws -> Bool) throws {
        guard count > 0 else { return }
        let state = State()
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: max(1, min(width, count))) { _ in
                while let i = state.take(below: count) {
                    do {
                        if try !shared.value(i) { state.stop() }
                    } catch {
                        state.fail(error)
                    }
                }
            }
        }
        if let error = state.error { throw error }
    }

    /// The next index, the stop flag and the first error, behind one lock.
    private final class State: Sendable {
        private struct Counters {
            var next = 0
            var stopped = false
            var first: (any Error)?
        }
        private let counters = Locked(Counters())

        func take(below count: Int) -> Int? {
            counters.withLock { c in
                guard !c.stopped, c.first == nil, c.next < count else { return nil }
                c.next += 1
                return c.next - 1
            }
        }
        func stop() {
            counters.withLock { $0.stopped = true }
        }
        func fail(_ error: any Error) {
            counters.withLock { c in
                if c.first == nil { c.first = error }
            }
        }
        var error: (any Error)? {
            counters.withLock { $0.first }
        }
    }

    private struct UncheckedBox<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
