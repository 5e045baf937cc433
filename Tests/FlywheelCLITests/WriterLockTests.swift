import FlywheelCore
import Foundation
import Testing

@testable import FlywheelCLI
@testable import Store

/// One writer per results folder: `run`, `check` and `sweep` take `DIR/.lock` before any work,
/// and a second writer is refused at once (exit 2) with one line naming the holder.
@Suite(.serialized) struct WriterLockTests {
    @Test func runIsRefusedAtOnceWhileAnotherWriterHoldsTheFolder() throws {
        let f = try ReliabilityFixture("lock-run")
        defer { f.cleanUp() }
        let out = f.directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let holder = try ResultsLock(directory: out, command: "flywheel run other.yaml --jobs 2")
        defer { holder.release() }

        let (status, _, stderr) = try CLIFixture.run(["run", try f.scenario(), "--quiet", "--out", out])
        #expect(status == 2)
        #expect(
            ReliabilityFixture.lines(stderr) == [
                "error: \(out): another flywheel is writing this results folder (pid \(getpid()): flywheel run other.yaml --jobs 2); wait for it to finish or stop it"
            ])
        #expect(!FileManager.default.fileExists(atPath: out + "/run.sqlite"))
    }

    @Test func checkAndSweepAreRefusedWhileTheirFolderIsHeld() throws {
        let f = try ReliabilityFixture("lock-check")
        defer { f.cleanUp() }
        let results = f.directory + "/results"
        try FileManager.default.createDirectory(atPath: results + "/tiny", withIntermediateDirectories: true)
        let holder = try ResultsLock(directory: results + "/tiny", command: "flywheel run tiny.yaml")
        // With an assertion: check does not run (or lock) a scenario without expect:.
        let scenario = try f.scenario(extra: "expect: [{at_least: {arm: aitl, metric: served, value: 1}}]")
        let check = try #require(throws: InputError.self) {
            try CheckRun(scenarios: [scenario], out: results, jobs: 1, quiet: true).run { _ in }
        }
        #expect(check.message.contains("pid \(getpid()): flywheel run tiny.yaml"))
        holder.release()

        let (folder, sweep) = try SweepFixture.make("lock-sweep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        let sweepHolder = try ResultsLock(directory: folder + "/out", command: "flywheel sweep sweep.yaml")
        defer { sweepHolder.release() }
        let refused = try #require(throws: InputError.self) {
            try SweepPipeline(sweepPath: sweep, out: folder + "/out", jobs: 1).run()
        }
        #expect(refused.message.contains("flywheel sweep sweep.yaml"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/sweep.sqlite"))
        // Another shard's store in the same folder has its own lock.
        let shard = try SweepPipeline(
            sweepPath: sweep, out: folder + "/out", jobs: 1, shard: .init(index: 0, count: 12)
        ).run()
        #expect(shard.computed == 1)
    }

    @Test func aReportWhileTheRunWritesNeverFailsIt() throws {
        let f = try ReliabilityFixture("lock-report")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let out = f.directory + "/out"
        // A run interrupted after its first writes leaves a store to read.
        let cut = try CLIFixture.runKilled(["run", scenario, "--out", out], afterIterations: 2)
        try #require(cut.killed, "the run ended before the kill: \(cut.stderr)")
        // A reader holds a read transaction open for the whole resumed run.
        let reader = try ResultsStore(path: out + "/run.sqlite")
        let resumed = try reader.queue.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iterations")
            return try CLIFixture.run(["run", scenario, "--quiet", "--resume", "--out", out])
        }
        #expect(resumed.0 == 0, "\(resumed.2)")
        #expect(try reader.runStatus(name: "tiny") == "complete")
        let markdown = try CLIFixture.run(["report", out, "--markdown"])
        #expect(markdown.0 == 0, "\(markdown.2)")
    }
}
