import FlywheelCore
import FlywheelTestSupport
import Foundation
import Testing

@testable import FlywheelCLI
@testable import Reports

/// `flywheel check --baseline`: this run's curves against a stored run, paired by seed and
/// replicate. An unchanged scenario passes with gaps of exactly 0 (same seed, same numbers); a
/// deliberately worse one (agents who label at random instead of careful experts, and the
/// deploy gate switched off so their models ship) fails on
/// the learning arm and still passes on the arm that never retrains; JUnit parses as XML.
@Suite(.serialized) struct BaselineCheckTests {
    @Test func samePassesWorseFails() async throws {
        let folder = try TinyWorld.temporaryFolder("baseline")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 400, weeks: 3)
        let world = """
            seed: 5
            replicates: 2
            heldout: {share: 0.1, max: 40}
            arms: {aitl: {cadence: 7d}, frozen: {retrain: false}}
            baseline: frozen
            horizon: 3w

            """
        // "main" ran the careful-expert scenario; the branch scenarios are named alike in their
        // own folders, so RESULTS/NAME resolves to main's run of the same name.
        let mainFolder = folder + "/main", branchFolder = folder + "/branch"
        try FileManager.default.createDirectory(atPath: mainFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: branchFolder, withIntermediateDirectories: true)
        let careful = "population: [{persona: careful-expert, weight: 1}]\n"
        let main = try TinyWorld.scenario("support", in: mainFolder, corpus: corpus, body: world + careful)
        let same = try TinyWorld.scenario("support", in: branchFolder, corpus: corpus, body: world + careful)
        let stored = folder + "/main-results"
        _ = try RunPipeline(
            scenarioPath: main, out: stored + "/support", replicates: nil, jobs: 2, resume: false, force: false,
            quiet: true
        ).run()

        let junit = folder + "/same.xml"
        let passed = try TinyWorld.status {
            try CheckCommand.parse([
                same, "--baseline", stored, "--out", folder + "/results", "--junit", junit, "--quiet", "--jobs", "2"
            ]).run()
        }
        #expect(passed == 0)
        let (ok, reader) = JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: junit)))
        #expect(ok && reader.failures.isEmpty)
        #expect(reader.counts["testcase"] == 14)  // 2 arms × 7 headline metrics

        let outcome = try CheckRun(
            scenarios: [same], out: folder + "/results", jobs: 2, quiet: true, baseline: stored,
            comparison: BaselineCheck()
        ).run { _ in }
        #expect(outcome.verdicts.allSatisfy { $0.passed && $0.gap.area.mean == 0 && $0.gap.final.mean == 0 })

        // The worse branch: random labellers. Tolerance 0.02 of the range.
        let worseFolder = folder + "/worse"
        try FileManager.default.createDirectory(atPath: worseFolder, withIntermediateDirectories: true)
        // (the deploy gate would refuse models trained on random labels, so the worse branch
        // also switches it off: a change that ships unvetted models from noise)
        let ungated = world.replacingOccurrences(
            of: "arms: {aitl: {cadence: 7d}", with: "arms: {aitl: {cadence: 7d, deploy_gate: {enabled: false}}")
        let worse = try TinyWorld.scenario(
            "support", in: worseFolder, corpus: corpus, body: ungated + "population: [{persona: random, weight: 1}]\n")
        let failing = try CheckRun(
            scenarios: [worse], out: folder + "/worse-results", jobs: 2, quiet: true, baseline: stored,
            comparison: BaselineCheck()
        ).run { _ in }
        let adoption = try #require(failing.verdicts.first { $0.gap.arm == "aitl" && $0.gap.metric == "adoption" })
        #expect(!adoption.passed && adoption.reason.contains("below"))
        #expect(failing.verdicts.filter { $0.gap.arm == "frozen" }.allSatisfy { $0.passed })
        #expect(failing.exitStatus == 1)
        let failedJUnit = folder + "/worse.xml"
        let status = try TinyWorld.status {
            try CheckCommand.parse([
                worse, "--baseline", stored, "--out", folder + "/worse-results", "--junit", failedJUnit, "--quiet"
            ]).run()
        }
        #expect(status == 1)
        let failedXML = JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: failedJUnit)))
        #expect(failedXML.ok && failedXML.reader.failures.contains { $0.contains("mean") && $0.contains("gap") })

        // Another seed cannot be paired: exit 2, and the JUnit file says so in an <error>.
        let reseeded = try TinyWorld.scenario(
            "support", in: worseFolder, corpus: corpus,
            body: world.replacingOccurrences(of: "seed: 5", with: "seed: 6") + careful)
        let errorJUnit = folder + "/error.xml"
        #expect(throws: InputError.self) {
            try CheckCommand.parse([
                reseeded, "--baseline", stored, "--out", folder + "/seed-results", "--junit", errorJUnit, "--quiet"
            ]).run()
        }
        let errorXML = JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: errorJUnit)))
        #expect(errorXML.ok && errorXML.reader.counts["error"] == 1)
    }

    /// The rule on hand-made curves: a drop of 0.05 on a 0–1 metric fails at tolerance 0.02 and
    /// passes at 0.1; a gain never fails; different horizons are refused.
    @Test func ruleOnHandMadeCurves() throws {
        func rows(_ arm: String, _ values: [[Double]]) -> [MetricRow] {
            values.enumerated().flatMap { r, curve in
                curve.enumerated().map {
                    MetricRow(arm: arm, replicate: r, iteration: $0, metric: "adoption", value: $1)
                }
            }
        }
        let stored = rows("aitl", [[0.1, 0.3, 0.5], [0.1, 0.32, 0.52]])
        let lower = rows("aitl", [[0.1, 0.25, 0.45], [0.1, 0.27, 0.47]])
        let higher = rows("aitl", [[0.1, 0.35, 0.6], [0.1, 0.36, 0.6]])
        let strict = try BaselineCheck(tolerance: 0.02).compare(stored: stored, current: lower, storedName: "main")
        #expect(strict.count == 1 && !strict[0].passed)
        #expect(abs(strict[0].gap.area.mean + 0.05) < 1e-12 && abs(strict[0].gap.final.mean + 0.05) < 1e-12)
        #expect(try BaselineCheck(tolerance: 0.1).compare(stored: stored, current: lower, storedName: "main")[0].passed)
        #expect(try BaselineCheck().compare(stored: stored, current: higher, storedName: "main")[0].passed)
        let shorter = rows("aitl", [[0.1, 0.3], [0.1, 0.32]])
        #expect(throws: InputError.self) {
            try BaselineCheck().compare(stored: stored, current: shorter, storedName: "main")
        }
        #expect(throws: InputError.self) {
            try BaselineCheck(metrics: ["ndcg@10"]).compare(stored: stored, current: lower, storedName: "main")
        }
    }
}
