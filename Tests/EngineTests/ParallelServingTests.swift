import Engine
import FlywheelCore
import Testing

/// Serving a job's tickets on several threads (``Engine/runJob(_:threads:emit:)``) changes no
/// result: every record — metrics, annotations, model versions — equals the one-thread run.
@Suite struct ParallelServingTests {
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
}
