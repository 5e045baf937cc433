import Dispatch
import FlywheelCore
import Testing

/// ``Locked``: what a body does to the value is seen whole by the next body, whatever thread
/// runs it.
struct LockedTests {
    @Test func bodiesOnManyThreadsNeverLoseAnUpdate() {
        let counts = Locked([String: Int]())
        let threads = 8, perThread = 5_000
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in 0..<perThread {
                counts.withLock { $0[i % 2 == 0 ? "even" : "odd", default: 0] += 1 }
                if i % 1_000 == 0 { counts.withLock { $0["thread-\(t)", default: 0] += 1 } }
            }
        }
        let final = counts.withLock { $0 }
        // Exact, not statistical: an unguarded read-modify-write would lose increments.
        #expect(final["even"] == threads * perThread / 2)
        #expect(final["odd"] == threads * perThread / 2)
        #expect((0..<threads).allSatisfy { final["thread-\($0)"] == perThread / 1_000 })
    }

    @Test func aThrowingBodyLeavesItsWritesAndReleasesTheLock() {
        struct Refused: Error {}
        let log = Locked([Int]())
        #expect(throws: Refused.self) {
            try log.withLock { values in
                values.append(1)
                throw Refused()
            }
        }
        // The lock was released (this would deadlock otherwise) and the write before the throw stays.
        #expect(log.withLock { $0 } == [1])
    }
}
