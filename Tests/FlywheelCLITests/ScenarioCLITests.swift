import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel scenario validate|explain|schema` and `flywheel sweep` through the built binary:
/// exit statuses and exact messages.
@Suite struct ScenarioCLITests {
    static let root = Repository.root.path
    static var binary: String? { BuiltExecutable.flywheel }

    /// Runs the binary in the repository root; returns (status, stdout, stderr).
    static func flywheel(_ arguments: [String]) throws -> (Int32, String, String) {
        try CLIFixture.run(arguments, in: root)
    }

    static func temporary(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(getpid())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: binary != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func validateAcceptsTheQuickStartAndRejectsABadScenarioWithExitTwo() throws {
        let good = try Self.flywheel(["scenario", "validate", "scenarios/quickstart.yaml"])
        #expect(good.0 == 0)
        #expect(good.1.hasPrefix("scenarios/quickstart.yaml: ok (3 arms × 3 replicates, hash "))

        let bad = try Self.temporary("bad.yaml", "arms: {aitl: {participation: 1.2}}\n")
        let result = try Self.flywheel(["scenario", "validate", bad])
        #expect(result.0 == 2)
        #expect(
            result.2 == "error: \(bad):1:30: field \"arms.aitl.participation\": 1.2 is out of range; allowed: 0.0…1.0\n"
        )

        // In /tmp, so its corpus and persona folder are named absolutely (relative ones would
        // resolve against /tmp, the file's folder).
        let missingPersona = try Self.temporary(
            "persona.yaml",
            "corpus: \(Self.root)/corpora/ci-small\npersonas: \(Self.root)/scenarios/personas\npopulation: [{persona: nobody}]\n"
        )
        let persona = try Self.flywheel(["scenario", "validate", missingPersona])
        #expect(persona.0 == 2)
        #expect(
            persona.2.hasPrefix(
                "error: \(missingPersona): field \"population[0].persona\": no persona named 'nobody'; available: "))
    }

    @Test(.enabled(if: binary != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func validateListsEveryErrorOfAFileWithLineAndColumn() throws {
        let file = "Tests/ScenariosTests/Fixtures/three-errors.yaml"
        let result = try Self.flywheel(["scenario", "validate", file])
        #expect(result.0 == 2)
        #expect(result.1.isEmpty)
        #expect(
            result.2 == """
                error: \(file):4:13: field "replicates": 0 is out of range; allowed: 1…1000
                error: \(file):6:3: field "heldout.shares": unknown key 'shares'; did you mean 'share'? Valid keys: share, max
                error: \(file):7:7: field "seed": expected an integer

                """)
    }

    @Test(.enabled(if: binary != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func explainPrintsEveryDefaultAndSchemaIsJSON() throws {
        let small = try Self.temporary("small.yaml", "seed: 7\n")
        let (status, json, _) = try Self.flywheel(["scenario", "explain", small, "--format", "json"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["seed"] as? Int == 7)
        #expect((object["system"] as? [String: Any])?["retriever"] != nil)
        #expect((object["heldout"] as? [String: Any])?["max"] as? Int == 1500)

        let yaml = try Self.flywheel(["scenario", "explain", small])
        #expect(yaml.0 == 0 && yaml.1.contains("    cadence: 1w\n") && yaml.1.contains("seed: 7\n"))

        let schema = try Self.flywheel(["scenario", "schema"])
        #expect(schema.0 == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(schema.1.utf8)) is [String: Any])
    }

    @Test(.enabled(if: binary != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func badShardAndBadSweepExitTwo() throws {
        let (folder, sweep) = try SweepFixture.make("cli-sweep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shard = try Self.flywheel(["sweep", sweep, "--shard", "4/4", "--out", folder + "/out"])
        #expect(shard.0 == 2)
        #expect(shard.2 == "error: --shard: the shard index 4 is out of range; allowed: 0…3\n")

        let bad = folder + "/bad-sweep.yaml"
        try "base: base.yaml\nparameters: {arms.aitl.cadence: [7d, 30m]}\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let cell = try Self.flywheel(["sweep", bad, "--out", folder + "/out"])
        #expect(cell.0 == 2)
        #expect(
            cell.2
                == "error: \(bad):2:33: field \"arms.aitl.cadence\": cell 1 (arms.aitl.cadence=30m): a cadence must be at least 1h\n"
        )
    }
}
