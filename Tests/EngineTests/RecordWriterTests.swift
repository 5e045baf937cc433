import FlywheelCore
import Testing

@testable import Engine

/// Storing a job's records on a thread of its own (``RecordWriter``): the records arrive one at
/// a time, in order, and a failed write stops the writing and is thrown to the job.
@Suite struct RecordWriterTests {
    struct Refused: Error {}

    static func record(_ iteration: Int) -> IterationRecord {
        IterationRecord(
            job: JobKey(arm: "aitl", replicate: 0), iteration: iteration,
            simTime: Timestamp(secondsSinceEpoch: Int64(iteration) * 86_400), retrained: false, deployed: false,
            isLast: false, metrics: ["served": Double(iteration)])
    }

    @Test func recordsArriveInOrder() throws {
        let written = Locked([Int]())
        let writer = RecordWriter { record in written.withLock { $0.append(record.iteration) } }
        for i in 0..<20 { try writer.hand(Self.record(i)) }
        try writer.finish()
        #expect(written.withLock { $0 } == Array(0..<20))
    }

    @Test func aFailedWriteIsThrownByTheNextHandOverAndNothingIsWrittenAfterIt() throws {
        let written = Locked([Int]())
        let writer = RecordWriter { record in
            if record.iteration == 2 { throw Refused() }
            written.withLock { $0.append(record.iteration) }
        }
        for i in 0..<3 { try writer.hand(Self.record(i)) }
        #expect(throws: Refused.self) { try writer.hand(Self.record(3)) }
        try writer.finish()
        #expect(written.withLock { $0 } == [0, 1])
    }

    @Test func finishThrowsTheLastWritesFailure() throws {
        let writer = RecordWriter { _ in throw Refused() }
        try writer.hand(Self.record(0))
        #expect(throws: Refused.self) { try writer.finish() }
    }
}
