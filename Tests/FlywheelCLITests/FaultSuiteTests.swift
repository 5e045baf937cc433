import Foundation
import Store
import Testing
import FlywheelTestSupport

/// The fault suite (issue #16 item 9): `kill -9` at seeded random moments of a run and of a
/// sweep, then continuing, gives exactly the uninterrupted result; inputs edited between a kill
/// and the resume are refused. (Concurrent writers and a reader during a write:
/// `WriterLockTests`; a full disk: `StorageFailureTests`, on a small tmpfs when one can be
/// mounted; persona and corpus edits between finished runs: `RunKeyTests`.)
///
/// The kill moments are fractions of the uninterrupted run's wall time, drawn from a fixed
/// seed; where in the work each lands depends on the machine, which is the point: the property
/// must hold wherever it lands.
@Suite(.serialized) struct FaultSuiteTests {
    /// Fractions in (0.05, 0.95) from a fixed-seed generator.
    static func killFractions(_ count: Int, seed: UInt64) -> [Double] {
        var x = seed
        return (0..<count).map { _ in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 0.05 + 0.9 * Double(x >> 11) / Double(1 << 53)
        }
    }

    /// Starts `flywheel arguments`, sends SIGKILL after `seconds` unless it ended first;
    /// returns whether it was killed.
    static func runAndKill(_ arguments: [String], after seconds: Double) throws -> Bool {
        try ProcessRunner.runKilled(try #require(BuiltExecutable.flywheel), arguments, after: seconds)
    }

    static func timed(_ arguments: [String]) throws -> (Int32, String, Double) {
        let start = Date()
        let r = try CLIFixture.run(arguments)
        return (r.0, r.2, Date().timeIntervalSince(start))
    }

    @Test func killNineAnywhereInARunThenResumeGivesTheUninterruptedResult() throws {
        let f = try ReliabilityFixture("fault-run")
        defer { f.cleanUp() }
        let scenario = try f.scenario(corpus: try f.corpus())
        let whole = try Self.timed(["run", scenario, "--quiet", "--no-report", "--out", f.directory + "/whole"])
        #expect(whole.0 == 0, "\(whole.1)")
        let expected = try #require(f.cli.read("whole/metrics.csv"))

        let out = f.directory + "/cut"
        var kills = 0
        for fraction in Self.killFractions(3, seed: 16) {
            let args = ["run", scenario, "--quiet", "--no-report", "--jobs", "2", "--resume", "--out", out]
            if try Self.runAndKill(args, after: fraction * whole.2) { kills += 1 }
            // Whatever the moment, a killed run is never complete and never has metrics.csv.
            if FileManager.default.fileExists(atPath: out + "/run.sqlite") {
                let status = try ResultsStore(path: out + "/run.sqlite").runStatus(name: "tiny")
                #expect(status != "complete" || f.cli.read("cut/metrics.csv") == expected)
            }
        }
        #expect(kills >= 1, "no kill landed before the run ended; the machine is much faster than the first run")
        let resumed = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--resume", "--out", out])
        #expect(resumed.0 == 0, "\(resumed.2)")
        #expect(try ResultsStore(path: out + "/run.sqlite").runStatus(name: "tiny") == "complete")
        #expect(f.cli.read("cut/metrics.csv") == expected)
    }

    @Test func killNineAnywhereInASweepThenRerunningGivesTheUninterruptedResult() throws {
        let sweep = try SweepFixture.make("fault-sweep")
        defer { try? FileManager.default.removeItem(atPath: sweep.folder) }
        let done = try Self.timed(["sweep", sweep.sweep, "--jobs", "2", "--out", sweep.folder + "/whole"])
        #expect(done.0 == 0, "\(done.1)")
        let expected = try String(contentsOfFile: sweep.folder + "/whole/sweep.csv", encoding: .utf8)

        var kills = 0
        for fraction in Self.killFractions(2, seed: 61) {
            let args = ["sweep", sweep.sweep, "--jobs", "2", "--out", sweep.folder + "/cut"]
            if try Self.runAndKill(args, after: fraction * done.2) { kills += 1 }
        }
        #expect(kills >= 1, "no kill landed before the sweep ended")
        let finished = try CLIFixture.run(["sweep", sweep.sweep, "--jobs", "2", "--out", sweep.folder + "/cut"])
        #expect(finished.0 == 0, "\(finished.2)")
        #expect(try String(contentsOfFile: sweep.folder + "/cut/sweep.csv", encoding: .utf8) == expected)
    }

    @Test func aPersonaOrCorpusEditedBetweenAKillAndTheResumeIsRefused() throws {
        let f = try ReliabilityFixture("fault-edit")
        defer { f.cleanUp() }
        let corpus = try f.corpus()
        let scenario = try f.scenario(corpus: corpus)
        let out = f.directory + "/out"
        let killed = try CLIFixture.runKilled(["run", scenario, "--no-report", "--out", out], afterIterations: 2)
        try #require(killed.killed, "the run ended before the kill: \(killed.stderr)")

        try f.editPersona("rushed", "threshold: 0.5", "threshold: 0.55")
        let persona = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--resume", "--out", out])
        #expect(persona.0 == 2)
        #expect(persona.2.contains("changed since they were made: persona rushed"), "\(persona.2)")
        try f.editPersona("rushed", "threshold: 0.55", "threshold: 0.5")

        _ = try f.corpus(seed: 4, overwrite: true)
        let swapped = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--resume", "--out", out])
        #expect(swapped.0 == 2)
        #expect(swapped.2.contains("changed since they were made: corpus"), "\(swapped.2)")
        #expect(try ResultsStore(path: out + "/run.sqlite").runStatus(name: "tiny") == "running")
    }
}
