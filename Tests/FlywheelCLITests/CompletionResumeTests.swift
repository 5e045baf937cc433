import FlywheelCore
import Foundation
import Testing

@testable import FlywheelCLI
@testable import Store

/// Completion is recorded only after every job's last iteration is durable; on `--resume` a job
/// marked complete is checked for all its iterations and re-run when it lacks any.
@Suite(.serialized) struct CompletionResumeTests {
    @Test func aJobMarkedCompleteWithoutAllItsIterationsIsReRunOnResume() throws {
        let f = try ReliabilityFixture("complete-resume")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let out = f.directory + "/out"
        let first = try RunPipeline(
            scenarioPath: scenario, out: out, jobs: 2, resume: false, force: false, quiet: true, report: false
        ).run()
        #expect(first.jobsRun == 4)
        let csv = try #require(f.cli.read("out/metrics.csv"))

        // Damage: one iteration of aitl#1 disappears while the job and the run stay marked complete.
        let store = try ResultsStore(path: out + "/run.sqlite")
        try store.queue.write { db in
            try db.execute(sql: "DELETE FROM iterations WHERE arm = 'aitl' AND replicate = 1 AND iteration = 1")
        }
        #expect(try store.runStatus(name: "tiny") == "complete")
        let run = try #require(try store.runs().first).id
        #expect(try store.auditJobs(run: run).damaged == [JobKey(arm: "aitl", replicate: 1): "has 2 of 3 iterations"])

        let resumed = try RunPipeline(
            scenarioPath: scenario, out: out, jobs: 2, resume: true, force: false, quiet: true, report: false
        ).run()
        #expect(resumed.jobsRun == 1)  // only the damaged job
        #expect(f.cli.read("out/metrics.csv") == csv)
        #expect(try store.auditJobs(run: run).damaged.isEmpty)
        #expect(try store.runStatus(name: "tiny") == "complete")
    }
}
