import Foundation
import Testing
import FlywheelTestSupport

/// The offline-replay arm (`feedback: logged`, docs/annotations.md): a log exported from a run
/// and replayed through the same system and cadence gives the same learning curve, exactly.
///
/// Why exactly (tolerance 0): the replay serves each ticket with the same system state, and the
/// log carries every annotation with its time, agent and agent-seconds (printed with
/// round-trip precision) and the exposure the agent judged (shown articles, replies A and B with
/// their sentences' provenance). The quality filter's audits are keyed by ticket and order, not
/// by who produced the feedback, so the same batches reach the same learners at the same times.
@Suite(.serialized) struct LoggedReplayTests {
    /// corpora/ci-small over 4 weeks (4 weekly retrainings), one replicate.
    static func scenario(arm: String) -> String {
        """
        version: 1
        corpus: \(Repository.rootPath)/corpora/ci-small
        personas: \(Repository.rootPath)/scenarios/personas
        seed: 7
        replicates: 1
        heldout: {share: 0.05, max: 200}
        population:
          - {persona: careful-expert, weight: 0.6}
          - {persona: rushed, weight: 0.4}
        horizon: 28d
        arms:
          aitl: \(arm)
        """
    }

    /// The metrics.csv rows without the run name (the first column).
    static func curves(_ csv: String?) -> [Substring] {
        (csv ?? "").split(separator: "\n").map { $0.drop { $0 != "," } }
    }

    @Test func aLogExportedFromARunReplaysToTheIdenticalLearningCurve() throws {
        let f = try CLIFixture("replay")
        defer { f.cleanUp() }
        let original = f.directory + "/original.yaml"
        try Self.scenario(arm: "{cadence: 7d}").write(toFile: original, atomically: true, encoding: .utf8)
        let run = try CLIFixture.run(["run", original, "--quiet", "--no-report", "--out", f.directory + "/original"])
        #expect(run.0 == 0, "\(run.2)")

        // A name ending in .zst is written compressed, like every other .zst file readers take.
        let log = f.directory + "/aitl.jsonl.zst"
        let export = try CLIFixture.run(["export", f.directory + "/original", "--what", "annotations", "--out", log])
        #expect(export.0 == 0, "\(export.2)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)).prefix(4) == Data([0x28, 0xB5, 0x2F, 0xFD]))
        let validate = try CLIFixture.run([
            "annotations", "validate", log, "--corpus", Repository.rootPath + "/corpora/ci-small"
        ])
        #expect(validate.0 == 0, "\(validate.2)")
        #expect(validate.1.contains(" exposure") && validate.1.contains(" relevance"))
        let plain = f.directory + "/aitl.jsonl"
        #expect(
            try CLIFixture.run(["export", f.directory + "/original", "--what", "annotations", "--out", plain]).0 == 0)

        let replay = f.directory + "/replay.yaml"
        try Self.scenario(arm: "{cadence: 7d, feedback: logged, log: \(log)}").write(
            toFile: replay, atomically: true, encoding: .utf8)
        let again = try CLIFixture.run(["run", replay, "--quiet", "--no-report", "--out", f.directory + "/replay"])
        #expect(again.0 == 0, "\(again.2)")

        let a = Self.curves(f.read("original/metrics.csv"))
        let b = Self.curves(f.read("replay/metrics.csv"))
        #expect(a.count > 100)
        #expect(a.contains { $0.hasPrefix(",aitl,0,4,recall@75,") })
        #expect(a == b)
        // The replayed run logs the same feedback again.
        let relog = f.directory + "/again.jsonl"
        #expect(try CLIFixture.run(["export", f.directory + "/replay", "--what", "annotations", "--out", relog]).0 == 0)
        #expect(f.read("aitl.jsonl") == f.read("again.jsonl"))
    }

    @Test func aLogNamingATicketOutsideTheCorpusStopsTheRunAtItsLine() throws {
        let f = try CLIFixture("replay-bad")
        defer { f.cleanUp() }
        let log = f.directory + "/bad.jsonl"
        try """
        {"kind":"relevance","ticket":"tk-000001","agent":"a","time":"2026-01-05T04:15:52Z","article":"kb-0058","rank":1,"relevant":true}
        {"kind":"relevance","ticket":"tk-999999","agent":"a","time":"2026-01-05T04:15:52Z","article":"kb-0058","rank":1,"relevant":true}

        """.write(toFile: log, atomically: true, encoding: .utf8)
        let replay = f.directory + "/replay.yaml"
        try Self.scenario(arm: "{feedback: logged, log: \(log)}").write(
            toFile: replay, atomically: true, encoding: .utf8)
        let result = try CLIFixture.run(["run", replay, "--quiet", "--no-report", "--out", f.directory + "/out"])
        #expect(result.0 == 2)
        #expect(
            result.2.contains("\(log):2: field \"ticket\": unknown ticket \"tk-999999\" (not in the corpus)"),
            "\(result.2)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/out/metrics.csv"))
    }

    @Test func exportNeedsAnArmWhenSeveralLoggedFeedback() throws {
        let f = try CLIFixture("export-arms")
        defer { f.cleanUp() }
        let scenario = try f.scenario(extra: "")
        let base = try String(contentsOfFile: scenario, encoding: .utf8)
            .replacingOccurrences(of: "frozen: {retrain: false}", with: "weekly: {cadence: 7d}")
            .replacingOccurrences(of: "baseline: frozen", with: "baseline: weekly")
        try base.write(toFile: scenario, atomically: true, encoding: .utf8)
        #expect(try CLIFixture.run(["run", scenario, "--quiet", "--no-report", "--out", f.directory + "/r"]).0 == 0)
        let result = try CLIFixture.run([
            "export", f.directory + "/r", "--what", "annotations", "--out", f.directory + "/x.jsonl"
        ])
        #expect(result.0 == 2)
        #expect(
            result.2.contains("--arm: the run has several arms with a log; name one of aitl, weekly"), "\(result.2)")
        let missing = try CLIFixture.run([
            "export", f.directory + "/r", "--what", "annotations", "--arm", "aitl", "--replicate", "5", "--out",
            f.directory + "/x.jsonl"
        ])
        #expect(missing.0 == 2)
        #expect(missing.2.contains("arm 'aitl' has no log for replicate 5; replicates: 0, 1"), "\(missing.2)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/x.jsonl"))
    }
}
