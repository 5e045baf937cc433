import FlywheelCore
import Testing

@testable import Engine

/// Serving one window ahead (``JobRunner/serveAhead(_:ahead:)``): a window's suggestions are
/// computed on another thread while the job takes the window before, and nothing a run
/// records changes — with small windows (many per schedule event), on any thread count.
@Suite struct ServingAheadTests {
    struct Refused: Error {}

    /// Every record of the fixture's `aitl` job, served in windows of `batch` tickets on
    /// `threads` threads.
    static func records(_ engine: Engine, threads: Int, batch: Int) throws -> [IterationRecord] {
        let job = try #require(engine.jobs.first)
        let arm = try #require(engine.config.arms.first { $0.name == job.arm })
        var runner = try JobRunner(engine: engine, arm: arm, replicate: job.replicate)
        runner.servingThreads = threads
        runner.servingBatch = batch
        var out: [IterationRecord] = []
        try runner.run { out.append($0) }
        return out
    }

    @Test(arguments: [(2, 16), (3, 7), (2, 512)])
    func windowsServedAheadGiveTheOneThreadRecords(threads: Int, batch: Int) throws {
        let engine = try EngineFixture.engine(arms: [EngineArm(name: "aitl")], replicates: 1)
        let one = try Self.records(engine, threads: 1, batch: JobRunner.defaultServingBatch)
        let ahead = try Self.records(engine, threads: threads, batch: batch)
        #expect(one.count == 4)  // iteration 0 + 3
        ParallelServingTests.expectSame(one, ahead)
        #expect(one.last.map { $0.metrics["annotations_relevance", default: 0] > 0 } == true)
    }

    /// A generator that calls an outside service is never asked ahead: its calls come in
    /// ticket order, one at a time, however small the windows.
    @Test func aGeneratorCallingAnOutsideServiceIsNotAskedAhead() throws {
        let probes = [CallOrderProbe(), CallOrderProbe()]
        let engines = try probes.map { probe in
            try EngineFixture.engine(arms: [EngineArm(name: "aitl")], replicates: 1) {
                OutsideServiceGenerator(inner: $0, probe: probe)
            }
        }
        let one = try Self.records(engines[0], threads: 1, batch: JobRunner.defaultServingBatch)
        let ahead = try Self.records(engines[1], threads: 2, batch: 16)
        ParallelServingTests.expectSame(one, ahead)
        #expect(!probes[1].overlapped)
        #expect(ParallelServingTests.firstDifference(probes[1].tickets, probes[0].tickets) == nil)
    }

    @Test func aValueComputedAheadIsTakenLater() throws {
        let started = Locked(false)
        let ahead = Ahead { () -> Int in
            started.withLock { $0 = true }
            return 42
        }
        #expect(try ahead.value() == 42)
        #expect(started.withLock { $0 })
    }

    @Test func anErrorThrownAheadIsThrownWhenTheValueIsTaken() {
        let ahead = Ahead { () throws -> Int in throw Refused() }
        ahead.wait()  // waiting alone does not throw
        #expect(throws: Refused.self) { try ahead.value() }
    }
}
