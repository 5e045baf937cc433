import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import FlywheelCLI

/// `flywheel check` end to end on tiny generated worlds: a passing scenario exits 0, a scenario
/// whose agents label at random fails with exit 1 and a readable reason, bad input is an
/// InputError (exit 2), and the JUnit file parses as XML.
@Suite(.serialized) struct CheckEndToEndTests {
    @Test func passingAndFailingScenariosAndJUnit() async throws {
        let folder = try TinyWorld.temporaryFolder("check")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 240, weeks: 1)
        let world = """
            seed: 5
            replicates: 2
            heldout: {share: 0.1, max: 24}
            arms: {aitl: {cadence: 7d}}
            baseline: null
            horizon: 1w

            """
        // Deterministic facts of any run: agents annotate, and no more tickets are served than exist.
        let good = try TinyWorld.scenario(
            "good", in: folder, corpus: corpus,
            body: world + """
                population: [{persona: careful-expert, weight: 1}]
                expect:
                  - at_least: {arm: aitl, metric: annotations_adoption, value: 1, iteration: 1}
                  - at_most: {arm: aitl, metric: served, value: 240}

                """)
        // Random labellers cannot raise adoption by 0.3 (from about 0.1) in a week.
        let random = try TinyWorld.scenario(
            "random", in: folder, corpus: corpus,
            body: world + """
                population: [{persona: random, weight: 1}]
                expect:
                  - improves: {arm: aitl, metric: adoption, by: 0.3, versus: start}
                  - at_most: {arm: aitl, metric: served, value: 240}

                """)
        let junit = folder + "/junit.xml"
        let results = folder + "/results"
        let passed = try TinyWorld.status {
            try CheckCommand.parse([good, "--out", results, "--junit", junit, "--quiet", "--jobs", "2"]).run()
        }
        #expect(passed == 0)
        #expect(JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: junit))).ok)
        // The run wrote its report, with example tickets read from the store and the corpus.
        #expect(FileManager.default.fileExists(atPath: results + "/good/report.html"))
        let input = try ReportLoader.input(directory: results + "/good")
        #expect(!input.examples.isEmpty && input.examples.allSatisfy { !$0.annotations.isEmpty && !$0.text.isEmpty })

        // Reuse: a second check of the unchanged scenario runs no job.
        let outcome = try CheckRun(scenarios: [good], out: results, jobs: 2, quiet: true).run { _ in }
        #expect(outcome.results.allSatisfy { $0.passed })
        // --format json: the same verdicts as one document, each assertion with its interval.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.json().utf8)) as? [String: Any])
        #expect(json["exit_status"] as? Int == 0 && json["passed"] as? Int == 2 && json["failed"] as? Int == 0)
        let scenario = try #require((json["scenarios"] as? [[String: Any]])?.first)
        #expect(scenario["status"] as? String == "reused")
        let assertions = try #require(scenario["assertions"] as? [[String: Any]])
        #expect(assertions.map { $0["kind"] as? String } == ["at_least", "at_most"])
        #expect(
            assertions.allSatisfy { $0["passed"] as? Bool == true && $0["lower"] is Double && $0["reason"] is String })

        var lines: [String] = []
        let failing = try CheckRun(scenarios: [good, random], out: results, jobs: 2, quiet: true).run {
            lines.append($0)
        }
        #expect(failing.results.filter { !$0.passed }.count == 1)
        #expect(lines.contains { $0.contains("reused") })
        let fail = try #require(lines.first { $0.hasPrefix("  FAIL") })
        #expect(fail.contains("improves aitl adoption by ≥ 0.3 vs iteration 0 at iteration 1"))
        #expect(fail.contains("95% CI") && fail.contains("lower bound") && fail.contains("< 0.3"))

        let failed = try TinyWorld.status {
            try CheckCommand.parse([
                folder + "/random.yaml", "--out", results, "--junit", junit, "--quiet", "--jobs", "2"
            ]).run()
        }
        #expect(failed == 1)
        let (ok, reader) = JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: junit)))
        #expect(ok)
        #expect(reader.counts["testcase"] == 2 && reader.failures.count == 1)
        #expect(reader.failures.first?.contains("improvement") == true)

        // Invalid input: an unknown metric is an InputError (the CLI exits 2) before anything runs.
        let bad = try TinyWorld.scenario(
            "bad", in: folder, corpus: corpus,
            body: world + """
                expect: [{at_least: {arm: aitl, metric: adoptoin, value: 1}}]

                """)
        #expect(throws: InputError.self) {
            try CheckRun(scenarios: [bad], out: results, jobs: 1, quiet: true).run { _ in }
        }
    }

    /// The shipped scenarios: `scenarios/ci/converges.yaml` (CI's own check, run here by every
    /// `make test`) passes; `scenarios/examples/random-labels.yaml` (agents label at random)
    /// fails with exit 1 and JUnit failures. About 40 s in a debug build.
    @Test func shippedCIScenarios() throws {
        let folder = try TinyWorld.temporaryFolder("ci")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.changeCurrentDirectoryPath(Repository.rootPath)
        let pass = try TinyWorld.status {
            try CheckCommand.parse([
                "scenarios/ci/converges.yaml", "--out", folder, "--junit", folder + "/a.xml", "--quiet"
            ]).run()
        }
        #expect(pass == 0)
        let fail = try TinyWorld.status {
            try CheckCommand.parse([
                "scenarios/examples/random-labels.yaml", "--out", folder, "--junit", folder + "/b.xml", "--quiet"
            ]).run()
        }
        #expect(fail == 1)
        #expect(
            JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: folder + "/b.xml"))).reader.failures.count >= 1)
    }
}
