import Corpora
import WorldGenerator
import Foundation
import Testing
import FlywheelTestSupport

/// One rule for relative paths (README "Relative paths"): a scenario's paths resolve against the
/// scenario file's folder, so the working directory changes nothing; a missing path is named
/// resolved, with its key path, exit 2.
@Suite struct RelativePathsCLITests {
    /// A project folder: `corpus/` (120 articles, 2 weeks), `personas/` (two personas) and
    /// `scenarios/tiny.yaml` naming both relatively (`../corpus`, `../personas`).
    struct Project {
        let directory: String
        var scenario: String { directory + "/scenarios/tiny.yaml" }

        init(_ label: String) throws {
            directory = NSTemporaryDirectory() + "flywheel-\(label)-\(UUID().uuidString)"
            let fm = FileManager.default
            try fm.createDirectory(atPath: directory + "/scenarios", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: directory + "/personas", withIntermediateDirectories: true)
            for name in ["careful-expert", "rushed"] {
                try fm.copyItem(
                    atPath: Repository.rootPath + "/scenarios/personas/\(name).yaml",
                    toPath: directory + "/personas/\(name).yaml")
            }
            let world = SyntheticWorld.generate(.init(seed: 3, articles: 120, tickets: 600, weeks: 2))
            _ = try world.write(to: directory + "/corpus", name: "relative", overwrite: true)
            try write("tiny", corpus: "../corpus")
        }

        /// Writes `scenarios/NAME.yaml` naming `corpus` (as written) and `../personas`.
        @discardableResult
        func write(_ name: String, corpus: String) throws -> String {
            let path = directory + "/scenarios/\(name).yaml"
            try ReliabilityFixture.scenarioText(corpus: corpus, personas: "../personas")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func read(_ relative: String) -> String? {
            FileManager.default.contents(atPath: directory + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The stored run's key and recorded corpus path, read with the sqlite3 command-line tool when
    /// present (nil otherwise).
    static func stored(_ results: String) -> (key: String, corpus: String)? {
        let query = "SELECT run_key || ' ' || json_extract(scenario, '$.corpus') FROM runs"
        guard let result = try? ProcessRunner.run("/usr/bin/env", ["sqlite3", results + "/run.sqlite", query]) else {
            return nil
        }
        let parts = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1)
            .map(String.init)
        return result.status == 0 && parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    @Test(.enabled(if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func theSameScenarioRunFromTwoWorkingDirectoriesGivesIdenticalMetrics() throws {
        let project = try Project("relative-run")
        defer { try? FileManager.default.removeItem(atPath: project.directory) }
        let outA = project.directory + "/out-a", outB = project.directory + "/out-b"
        // From the project folder, and from / (where `../corpus` would name nothing).
        let a = try CLIFixture.run(
            ["run", project.scenario, "--out", outA, "--quiet", "--no-report", "--jobs", "1"], in: project.directory)
        let b = try CLIFixture.run(
            ["run", project.scenario, "--out", outB, "--quiet", "--no-report", "--jobs", "2"], in: "/")
        #expect(a.0 == 0, "\(a.2)")
        #expect(b.0 == 0, "\(b.2)")
        let metrics = try #require(project.read("out-a/metrics.csv"))
        #expect(metrics.split(separator: "\n").count > 10)
        #expect(project.read("out-b/metrics.csv") == metrics)
        #expect(project.read("out-b/summary.json") == project.read("out-a/summary.json"))

        // The run key hashes the paths as written and the inputs' contents: the same from both
        // folders, so a resume from a third folder reuses every job. The store records the
        // corpus resolved, so `report` and `export` find it from anywhere.
        if let storedA = Self.stored(outA), let storedB = Self.stored(outB) {
            #expect(storedA.key == storedB.key)
            #expect(storedA.corpus == project.directory + "/corpus")
        }
        let resumed = try CLIFixture.run(
            ["run", project.scenario, "--out", outA, "--resume", "--no-report"], in: NSTemporaryDirectory())
        #expect(resumed.0 == 0, "\(resumed.2)")
        #expect(resumed.2.contains("resuming: 4 of 4 jobs already complete"), "\(resumed.2)")
        #expect(project.read("out-a/metrics.csv") == metrics)
        let validated = try CLIFixture.run(["scenario", "validate", project.scenario], in: "/")
        let key = Self.stored(outA)?.key ?? ""
        #expect(validated.0 == 0 && validated.1.contains(", key \(key))"), "\(validated)")
    }

    @Test(.enabled(if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func aMissingRelativePathIsNamedResolvedWithItsKeyPath() throws {
        let project = try Project("relative-missing")
        defer { try? FileManager.default.removeItem(atPath: project.directory) }
        // `corpus` is relative to scenarios/, not to the project folder the command runs in.
        let bad = try project.write("bad", corpus: "corpus")
        let expected =
            "error: \(bad): field \"corpus\": no corpus at '\(project.directory)/scenarios/corpus' (expected manifest.json there; relative paths resolve against the scenario file's folder)\n"
        for command in [["run", bad, "--out", project.directory + "/out", "--quiet"], ["scenario", "validate", bad]] {
            let r = try CLIFixture.run(command, in: project.directory)
            #expect(r.0 == 2, "\(command): \(r.2)")
            #expect(r.2 == expected, "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: project.directory + "/out"), "nothing written for bad input")
    }
}
