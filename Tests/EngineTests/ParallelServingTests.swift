import Corpora
import Engine
import FlywheelCore
import Foundation
import Testing
import World

/// Serving a job's tickets on several threads (``Engine/runJob(_:threads:emit:)``) changes no
/// result: every record — metrics, annotations, model versions — equals the one-thread run,
/// whatever the feedback comes from, and outside services are called in ticket order.
@Suite struct ParallelServingTests {
    /// Every record of `job` run on `threads` threads.
    static func records(_ engine: Engine, threads: Int) throws -> [IterationRecord] {
        var out: [IterationRecord] = []
        try engine.runJob(try #require(engine.jobs.first), threads: threads) { out.append($0) }
        return out
    }

    /// The first position where two call sequences differ (nil: the same sequence), so that a
    /// failure prints an index rather than thousands of ticket ids.
    static func firstDifference(_ a: [TicketID], _ b: [TicketID]) -> Int? {
        (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? (a.count == b.count ? nil : min(a.count, b.count))
    }

    static func expectSame(_ one: [IterationRecord], _ many: [IterationRecord]) {
        #expect(one.map(\.metrics) == many.map(\.metrics))
        #expect(one.map { "\($0.annotations)" } == many.map { "\($0.annotations)" })
        #expect(one.map { "\($0.models) \($0.kbEvents)" } == many.map { "\($0.models) \($0.kbEvents)" })
        #expect(one.map(\.writtenLog) == many.map(\.writtenLog))  // the same log, the same bytes
    }

    @Test(arguments: [2, 3])
    func aJobServedOnSeveralThreadsGivesTheOneThreadRecords(threads: Int) throws {
        let engine = try EngineFixture.engine(arms: [EngineArm(name: "aitl")], replicates: 1)
        let job = try #require(engine.jobs.first)
        var one: [IterationRecord] = []
        try engine.runJob(job, threads: 1) { one.append($0) }
        var many: [IterationRecord] = []
        try engine.runJob(job, threads: threads) { many.append($0) }
        #expect(one.count == 4)  // iteration 0 + 3
        #expect(one.map(\.metrics) == many.map(\.metrics))
        #expect(one.map { "\($0.annotations)" } == many.map { "\($0.annotations)" })
        #expect(one.map { "\($0.models) \($0.kbEvents)" } == many.map { "\($0.models) \($0.kbEvents)" })
        #expect(one.last.map { $0.metrics["annotations_relevance", default: 0] > 0 } == true)
    }

    @Test func coresAreSharedBetweenConcurrentJobs() {
        #expect(Engine.threadsPerJob(jobs: 1, cores: 2) == 2)
        #expect(Engine.threadsPerJob(jobs: 2, cores: 2) == 1)
        #expect(Engine.threadsPerJob(jobs: 6, cores: 2) == 1)
        #expect(Engine.threadsPerJob(jobs: 2, cores: 8) == 4)
        #expect(Engine.threadsPerJob(jobs: 3, cores: 8) == 2)
        #expect(Engine.threadsPerJob(jobs: 0, cores: 1) == 1)
    }

    /// A log whose annotations were given two days, and for every third ticket nine days (past
    /// the next retraining and evaluation), after their tickets: late deliveries are absorbed
    /// by each ticket's time in ticket order, whatever the thread count.
    @Test func aLogDeliveredLateGivesTheOneThreadRecords() throws {
        let original = try Self.records(
            EngineFixture.engine(arms: [EngineArm(name: "aitl")], replicates: 1), threads: 1)
        var log = AnnotationLog(source: "late.jsonl")
        // the run's log as the engine wrote it, window by window, read back line by line
        let written = FileManager.default.temporaryDirectory.appendingPathComponent("late-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: written) }
        try original.compactMap { $0.writtenLog?.text }.joined().write(to: written, atomically: true, encoding: .utf8)
        var entries: [AnnotationLogEntry] = []
        try AnnotationLogReader.forEachEntry(in: written.path) { entry, _ in entries.append(entry) }
        #expect(entries.count == original.reduce(0) { $0 + ($1.writtenLog?.lines ?? 0) })
        for entry in entries {
            guard case .annotation(var a) = entry else {
                try log.add(entry)
                continue
            }
            let days: Int64 = StableHash.fnv1a(a.annotation.ticket.rawValue) % 3 == 0 ? 9 : 2
            a.time = Timestamp(secondsSinceEpoch: a.time.secondsSinceEpoch + days * 86_400)
            try log.add(.annotation(a))
        }
        var arm = EngineArm(name: "aitl")
        arm.log = log
        let engine = try EngineFixture.engine(arms: [arm], replicates: 1)
        let one = try Self.records(engine, threads: 1)
        let many = try Self.records(engine, threads: 3)
        Self.expectSame(one, many)
        // the annotations did arrive, later than in the run that logged them
        let relevance = { (r: [IterationRecord]) in r.map { $0.metrics["annotations_relevance", default: 0] } }
        #expect(relevance(one)[1] < relevance(original)[1])
        #expect(relevance(one).reduce(0, +) > 0)
    }

    /// A scorer whose answers depend on the order of its calls (as an outside service's
    /// budget or recording does) is asked in held-out order, never from two threads at once.
    @Test func aScorerIsAskedInHeldOutOrderFromOneThread() throws {
        let scorers = [StatefulScorer(), StatefulScorer()]
        let engines = try scorers.map {
            try EngineFixture.engine(arms: [EngineArm(name: "aitl")], replicates: 1, scorer: $0)
        }
        let one = try Self.records(engines[0], threads: 1)
        let many = try Self.records(engines[1], threads: 3)
        Self.expectSame(one, many)
        #expect(one.contains { $0.metrics["judge_malformed", default: 0] > 0 })
        let heldOut = engines[1].heldOut.map(\.ticket.id)
        let calls = scorers[1].probe.tickets
        #expect(!scorers[1].probe.overlapped)
        #expect(Self.firstDifference(calls, scorers[0].probe.tickets) == nil)
        #expect(!calls.isEmpty && calls.count % heldOut.count == 0)
        for start in stride(from: 0, to: calls.count, by: heldOut.count) {
            #expect(
                Self.firstDifference(Array(calls[start..<start + heldOut.count]), heldOut) == nil,
                "evaluation at call \(start)")
        }
    }

    /// A generator that calls an outside service keeps its job on one thread: the same calls in
    /// the same order, never two at once, and the same records.
    @Test func aGeneratorCallingAnOutsideServiceIsCalledInTicketOrder() throws {
        let probes = [CallOrderProbe(), CallOrderProbe()]
        let engines = try probes.map { probe in
            try EngineFixture.engine(arms: [EngineArm(name: "aitl")], replicates: 1) {
                OutsideServiceGenerator(inner: $0, probe: probe)
            }
        }
        let one = try Self.records(engines[0], threads: 1)
        let many = try Self.records(engines[1], threads: 3)
        Self.expectSame(one, many)
        #expect(!probes[1].overlapped)
        #expect(probes[1].tickets.count > 1000)
        #expect(Self.firstDifference(probes[1].tickets, probes[0].tickets) == nil)
    }
}
