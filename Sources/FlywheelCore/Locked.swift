#if canImport(Synchronization) && !canImport(Darwin)
    import Synchronization
#elseif canImport(os)
    import os
#endif

/// A value behind a lock: the one way shared mutable state is guarded here (the process-wide
/// interners, caches and the work pool's counters) instead of hand-rolled pthread mutexes.
/// Every read and write of `Value` goes through ``withLock(_:)``, so no path can touch it
/// unlocked. On Linux the lock is the standard library's `Synchronization.Mutex` (a futex);
/// on Apple platforms, where `Mutex` needs macOS 15 and the package declares 14,
/// `OSAllocatedUnfairLock`.
///
/// ```swift
/// let counts = Locked([String: Int]())
/// counts.withLock { $0["refund", default: 0] += 1 }
/// let n = counts.withLock { $0["refund"] ?? 0 }   // 1
/// ```
///
/// Keep the body short and never call back into something that takes the same lock: it is
/// not recursive.
public final class Locked<Value>: @unchecked Sendable {
    #if canImport(Synchronization) && !canImport(Darwin)
        @usableFromInline let mutex = Mutex<Void>(())
    #else
        @usableFromInline let mutex = OSAllocatedUnfairLock()
    #endif
    /// Read and written only inside ``withLock(_:)``.
    @usableFromInline var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held and returns what it returns.
    @inlinable
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        #if canImport(Synchronization) && !canImport(Darwin)
            try mutex.withLock { _ in try body(&value) }
        #else
            try mutex.withLockUnchecked { try body(&value) }
        #endif
    }
}
