import Corpora
import WorldGenerator
import FlywheelCore
import Foundation
import Scenarios
import Store
import Testing

@testable import FlywheelCLI

/// Results are reused only under the same run key: the resolved scenario, every persona file's
/// resolved content, the corpus' checksums and the Flywheel version. Otherwise `--resume` and
/// `check` refuse with exit 2 naming what changed; `--force` replaces.
@Suite(.serialized) struct RunKeyTests {
    @Test func validatePrintsTheKeyThatRunStores() throws {
        let f = try ReliabilityFixture("key-validate")
        defer { f.cleanUp() }
        let scenario = try f.scenario(extra: "expect: [{at_most: {arm: aitl, metric: served, value: 100000}}]")
        let run = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--out", f.directory + "/out"])
        #expect(run.0 == 0, "\(run.2)")
        let stored = try #require(try ResultsStore(path: f.directory + "/out/run.sqlite").runs().first)
        let key = try #require(stored.runKey)
        #expect(key.count == 64)

        let validate = try CLIFixture.run(["scenario", "validate", scenario])
        #expect(validate.0 == 0, "\(validate.2)")
        #expect(validate.1 == "\(scenario): ok (2 arms × 2 replicates, hash \(stored.scenarioHash), key \(key))\n")
    }

    @Test func theKeyIgnoresExpectationsAndCostButCoversPersonasAndCorpus() throws {
        let f = try ReliabilityFixture("key-parts")
        defer { f.cleanUp() }
        let plain = try RunKey(file: try f.scenario())
        let asserted = try RunKey(
            file: try f.scenario(
                extra: "cost: {per_retrain: 5}\nexpect: [{at_most: {arm: aitl, metric: served, value: 1}}]"))
        #expect(asserted == plain)

        // A comment in a persona file is not its resolved content; a value is.
        try f.editPersona("rushed", "# A busy agent", "# An edited comment. A busy agent")
        #expect(try RunKey(file: try f.scenario()) == plain)
        try f.editPersona("rushed", "threshold: 0.5", "threshold: 0.55")
        let edited = try RunKey(file: try f.scenario())
        #expect(edited.changes(since: plain) == ["persona rushed"])

        let other = try RunKey(file: try f.scenario(corpus: try f.corpus(), seed: 10))
        #expect(other.changes(since: edited) == ["scenario", "corpus"])
        var older = other
        older.version = "0.0.9"
        older.personas["novice"] = "x"
        #expect(other.changes(since: older) == ["persona novice", "version (0.0.9 → \(FlywheelVersion.current))"])
        #expect(other.value != older.value)
        #expect(RunKey(partsJSON: other.partsJSON) == other)
    }

    @Test func resumeRefusesAChangedPersonaOrCorpusNamingItAndForceReplaces() throws {
        let f = try ReliabilityFixture("key-resume")
        defer { f.cleanUp() }
        let corpus = try f.corpus()
        let scenario = try f.scenario(corpus: corpus)
        let out = f.directory + "/out"
        let first = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--out", out])
        #expect(first.0 == 0, "\(first.2)")
        let csv = try #require(f.cli.read("out/metrics.csv"))

        // The unchanged scenario resumes (nothing left to do) to the same results.
        let same = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--resume", "--out", out])
        #expect(same.0 == 0, "\(same.2)")
        #expect(f.cli.read("out/metrics.csv") == csv)

        try f.editPersona("rushed", "threshold: 0.5", "threshold: 0.55")
        let persona = try CLIFixture.run(["run", scenario, "--quiet", "--resume", "--out", out])
        #expect(persona.0 == 2)
        #expect(
            ReliabilityFixture.lines(persona.2) == [
                "error: \(out)/run.sqlite: results of 'tiny' cannot be reused: changed since they were made: persona rushed; pass --force to replace them"
            ])

        _ = try f.corpus(seed: 4, overwrite: true)
        let both = try CLIFixture.run(["run", scenario, "--quiet", "--resume", "--out", out])
        #expect(both.0 == 2)
        #expect(both.2.contains("changed since they were made: persona rushed, corpus;"))
        #expect(f.cli.read("out/metrics.csv") == csv)  // refused: untouched

        let forced = try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--force", "--out", out])
        #expect(forced.0 == 0, "\(forced.2)")
        let replaced = try #require(try ResultsStore(path: out + "/run.sqlite").runs().first)
        #expect(replaced.runKey == (try RunKey(file: scenario).value))
    }

    @Test func checkReusesOnlyUnderTheSameKeyAndNeverReplacesWithoutForce() throws {
        let f = try ReliabilityFixture("key-check")
        defer { f.cleanUp() }
        let results = f.directory + "/results"
        let scenario = try f.scenario(extra: "expect: [{at_most: {arm: aitl, metric: served, value: 100000}}]")
        var lines: [String] = []
        _ = try CheckRun(scenarios: [scenario], out: results, jobs: 2, quiet: true).run { lines.append($0) }
        #expect(lines.first == "\(scenario): ran \(results)/tiny")

        // Another assertion: the same key, reused.
        let edited = try f.scenario(extra: "expect: [{at_least: {arm: aitl, metric: served, value: 1}}]")
        lines = []
        _ = try CheckRun(scenarios: [edited], out: results, jobs: 2, quiet: true).run { lines.append($0) }
        #expect(lines.first == "\(edited): reused \(results)/tiny")

        // Another seed: refused, naming the scenario; the stored results stay.
        let reseeded = try f.scenario(seed: 10, extra: "expect: [{at_least: {arm: aitl, metric: served, value: 1}}]")
        let before = try #require(try ResultsStore(path: results + "/tiny/run.sqlite").runs().first?.runKey)
        let refused = try #require(throws: InputError.self) {
            try CheckRun(scenarios: [reseeded], out: results, jobs: 2, quiet: true).run { _ in }
        }
        #expect(refused.message.contains("changed since they were made: scenario; pass --force"))
        #expect(try ResultsStore(path: results + "/tiny/run.sqlite").runs().first?.runKey == before)

        lines = []
        _ = try CheckRun(scenarios: [reseeded], out: results, jobs: 2, quiet: true, force: true).run {
            lines.append($0)
        }
        #expect(lines.first == "\(reseeded): ran \(results)/tiny")
        #expect(try ResultsStore(path: results + "/tiny/run.sqlite").runs().first?.runKey != before)
    }

    @Test func aSweepReusesCellsOnlyUnderTheSameKey() throws {
        let (folder, sweep) = try SweepFixture.make("key-sweep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let first = try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run()
        #expect(first.computed == 12)
        #expect(try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run().skipped == 12)

        // Another corpus under the same path: every cell's key changes.
        let world = SyntheticWorld.generate(.init(seed: 4, articles: 60, tickets: 80, weeks: 1))
        _ = try world.write(to: folder + "/corpus", overwrite: true)
        let refused = try #require(throws: InputError.self) {
            try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run()
        }
        #expect(refused.file == out + "/sweep.sqlite")
        #expect(refused.message.hasPrefix("cell 0 ("))
        #expect(
            refused.message.hasSuffix(
                "cannot be reused: changed since they were made: corpus; pass --force to recompute it"))

        let forced = try SweepPipeline(sweepPath: sweep, out: out, jobs: 2, force: true).run()
        #expect(forced.computed == 12 && forced.skipped == 0)
        #expect(try SweepPipeline(sweepPath: sweep, out: out, jobs: 2).run().skipped == 12)
    }
}

/// A `feedback: logged` arm's results depend on its log: the log's content is part of the key.
@Suite(.serialized) struct LogRunKeyTests {
    @Test func theKeyCoversALoggedArmsLogAndNamesItWhenItChanges() throws {
        let f = try ReliabilityFixture("key-log")
        defer { f.cleanUp() }
        let plain = try RunKey(file: try f.scenario())
        #expect(plain.logs == nil)
        #expect(!plain.partsJSON.contains("logs"))

        let log = f.directory + "/replay.jsonl"
        let line = #"{"kind":"missing_knowledge","ticket":"x","agent":"a","time":"2026-01-05T00:00:00Z"}"#
        try (line + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let extra = "arms:\n  replay: {feedback: logged, log: \(log)}\nbaseline: replay"
        let text = try String(contentsOfFile: try f.scenario(), encoding: .utf8)
        let path = f.directory + "/logged.yaml"
        func write() throws {
            let body = text.components(separatedBy: "\n").prefix { !$0.hasPrefix("arms:") }.joined(separator: "\n")
            try (body + "\n" + extra + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        try write()
        let first = try RunKey(file: path)
        #expect(first.logs?.keys.sorted() == ["replay"])
        try (line + "\n" + line + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let second = try RunKey(file: path)
        #expect(second.changes(since: first) == ["log of arm replay"])
    }
}
