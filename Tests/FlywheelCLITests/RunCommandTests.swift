import FlywheelCore
import Foundation
import Store
import Testing

@Suite(.serialized) struct RunCommandTests {
    @Test func sameScenarioGivesByteIdenticalMetricsWithOneOrTwoJobs() throws {
        let f = try CLIFixture("jobs")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let one = try CLIFixture.run(["run", scenario, "--jobs", "1", "--quiet", "--out", f.directory + "/one"])
        let two = try CLIFixture.run(["run", scenario, "--jobs", "2", "--quiet", "--out", f.directory + "/two"])
        #expect(one.0 == 0, "\(one.2)")
        #expect(two.0 == 0, "\(two.2)")
        let a = try #require(f.read("one/metrics.csv"))
        let b = try #require(f.read("two/metrics.csv"))
        #expect(a == b)
        #expect(a.split(separator: "\n").count > 100)
    }

    @Test func aRunKilledAfterSomeIterationsResumesToTheUninterruptedResult() throws {
        let f = try CLIFixture("resume")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let whole = try CLIFixture.run(["run", scenario, "--quiet", "--out", f.directory + "/whole"])
        #expect(whole.0 == 0, "\(whole.2)")

        // Killed abruptly (SIGKILL) once it reports 6 iteration writes (of 16): not complete,
        // no metrics.csv.
        let killed = try CLIFixture.runKilled(
            ["run", scenario, "--jobs", "2", "--out", f.directory + "/cut"], afterIterations: 6)
        try #require(killed.killed, "the run ended before the kill: \(killed.stderr)")
        #expect(f.read("cut/metrics.csv") == nil)
        let store = try ResultsStore(path: f.directory + "/cut/run.sqlite")
        #expect(try store.runStatus(name: "tiny") == "running")

        // Running again without --resume refuses, naming the folder.
        let refused = try CLIFixture.run(["run", scenario, "--quiet", "--out", f.directory + "/cut"])
        #expect(refused.0 == 2)
        #expect(refused.2.contains("--resume"))

        let resumed = try CLIFixture.run(["run", scenario, "--quiet", "--resume", "--out", f.directory + "/cut"])
        #expect(resumed.0 == 0, "\(resumed.2)")
        #expect(try store.runStatus(name: "tiny") == "complete")
        #expect(f.read("cut/metrics.csv") == f.read("whole/metrics.csv"))
    }

    @Test func badScenarioExitsTwoNamingTheKeyPath() throws {
        let f = try CLIFixture("bad")
        defer { f.cleanUp() }
        let scenario = try f.scenario(extra: "arms_typo: 1")
        let result = try CLIFixture.run(["run", scenario, "--quiet", "--out", f.directory + "/out"])
        #expect(result.0 == 2)
        #expect(result.2.contains("field \"arms_typo\": unknown key 'arms_typo'"))
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/out/run.sqlite"))
    }

    @Test func runWritesTheTidyCSVAndSummary() throws {
        let f = try CLIFixture("files")
        defer { f.cleanUp() }
        let result = try CLIFixture.run(["run", try f.scenario(), "--out", f.directory + "/r"])
        #expect(result.0 == 0, "\(result.2)")
        let csv = try #require(f.read("r/metrics.csv"))
        #expect(csv.hasPrefix("run,arm,replicate,iteration,metric,value\n"))
        #expect(csv.contains("tiny,aitl,1,3,recall@75,"))
        let summary = try #require(f.read("r/summary.json"))
        #expect(summary.contains("\"baseline\" : \"frozen\""))
        #expect(result.1.contains("arm aitl"))
        #expect(result.1.contains("vs frozen"))
    }
}
