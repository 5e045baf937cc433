import Dispatch

/// Releasing large values on another thread. What a retraining leaves behind — the cycle's
/// pending feedback and training batch (a week of served suggestions, replies and judged
/// qualities) and the models it replaced — is freed object by object, which took a visible
/// share of the job's own thread (most of a retraining's serial part). With a second thread
/// per job the last reference goes to a queue of its own, which frees it while the job goes
/// on; nothing is read from it, so results do not depend on when it runs. With one thread
/// (`--jobs 1`, or one core per job) it is freed in place, as before.
extension JobRunner {
    /// The queue that frees what ``releaseAside(_:)`` is given, one value after another.
    static let releaseQueue = DispatchQueue(label: "flywheel.release-aside")

    /// Frees `value` on ``releaseQueue`` when the job has a second thread (else here): the
    /// caller's last use of what it holds (its bindings end as it returns, before the queue
    /// takes the value; whatever is still referenced elsewhere is only released there).
    func releaseAside<Value>(_ value: Value) {
        guard servingThreads > 1 else { return }
        let box = ReleasedValue(value)
        JobRunner.releaseQueue.async { box.free() }
    }
}

/// A value handed to another thread to be freed there: ``free()`` drops it, whichever thread
/// drops the box itself.
private final class ReleasedValue<Value>: @unchecked Sendable {
    /// The value, until ``free()``.
    private var held: [Value]

    init(_ value: Value) {
        held = [value]
    }

    /// Drops the value (called once, on the releasing queue).
    func free() {
        held = []
    }
}
