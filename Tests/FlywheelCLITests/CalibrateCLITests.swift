import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel calibrate` (docs/calibration.md): a run's exported log calibrates into persona
/// files that `persona validate` accepts, plus a population and a fidelity report; a log the
/// corpus does not know exits 2 with one line naming the log and writes nothing.
@Suite(.serialized) struct CalibrateCLITests {
    @Test func aRunsLogCalibratesIntoValidPersonas() throws {
        let f = try CLIFixture("calibrate")
        defer { f.cleanUp() }
        let results = f.directory + "/results"
        let run = try CLIFixture.run([
            "run", try f.scenario(), "--out", results, "--replicates", "1", "--quiet", "--no-report"
        ])
        #expect(run.0 == 0, "\(run.2)")
        let log = f.directory + "/aitl.jsonl"
        let export = try CLIFixture.run(["export", results, "--what", "annotations", "--arm", "aitl", "--out", log])
        #expect(export.0 == 0, "\(export.2)")
        let out = f.directory + "/fit"
        let fit = try CLIFixture.run([
            "calibrate", "--corpus", CLIFixture.corpus, "--annotations", log, "--out", out, "--max-k", "2"
        ])
        #expect(fit.0 == 0, "\(fit.2)")
        #expect(fit.1.contains("fidelity:"), "\(fit.1)")
        let personas = try FileManager.default.contentsOfDirectory(atPath: out + "/personas").sorted()
        #expect(!personas.isEmpty && personas.first == "calibrated-1.yaml", "\(personas)")
        let valid = try CLIFixture.run(
            ["persona", "validate"] + personas.map { out + "/personas/" + $0 } + [out + "/population.yaml"])
        #expect(valid.0 == 0, "\(valid.2)")
        #expect(f.read("fit/fidelity.md")?.contains("## Fidelity: logged vs re-simulated") == true)
        #expect(f.read("fit/agents.csv")?.hasPrefix("agent,persona\n") == true)
    }

    @Test func aLogOfAnotherCorpusExitsTwoAndWritesNothing() throws {
        let f = try CLIFixture("calibrate-bad")
        defer { f.cleanUp() }
        let log = Repository.rootPath + "/Tests/CorporaTests/Fixtures/annotations/good.jsonl"
        let out = f.directory + "/fit"
        let result = try CLIFixture.run(["calibrate", "--corpus", CLIFixture.corpus, "--annotations", log, "--out", out]
        )
        #expect(result.0 == 2)
        #expect(result.2.hasPrefix("error: \(log):"), "\(result.2)")
        #expect(result.2.split(separator: "\n").count == 1, "\(result.2)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
