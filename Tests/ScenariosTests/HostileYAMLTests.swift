import FlywheelCore
import Foundation
import Testing
import World

@testable import Scenarios

/// Scenario (and sweep and persona) YAML that is malformed or hostile gets one line naming the
/// file, line and column: a duplicate key is named, nesting, alias bombs and huge files stop at
/// ``InputLimit``'s bounds, and durations stop at ``SimDuration/longest``.
@Suite struct HostileYAMLTests {
    func error(_ yaml: String) -> InputError? {
        do {
            _ = try ScenarioLoader.decode(yaml, file: "bad.yaml")
            return nil
        } catch let e as InputError {
            return e
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func aDuplicateKeyIsNamedAtItsSecondOccurrence() throws {
        let e = try #require(error("seed: 1\nreplicates: 2\nseed: 3\n"))
        #expect(e.description == "bad.yaml:3:1: YAML syntax: duplicate key 'seed' in one mapping (first on line 1)")
        let nested = try #require(error("arms:\n  aitl: {cadence: 7d}\n  aitl: {retrain: false}\n"))
        #expect(
            nested.description == "bad.yaml:3:3: YAML syntax: duplicate key 'aitl' in one mapping (first on line 2)")
    }

    @Test func syntaxErrorsHaveLineAndColumnOnOneLine() throws {
        let e = try #require(error("seed: 1\narms: {aitl: {cadence: 7d}\nbaseline: aitl\n"))
        #expect(e.file == "bad.yaml" && e.line != nil && e.column != nil)
        #expect(e.message.hasPrefix("YAML syntax: "))
        #expect(!e.description.contains("\n"))
        let tab = try #require(error("seed: 1\n\tbad: 2\n"))
        #expect(tab.line == 2 && tab.column == 1, "\(tab)")
    }

    @Test func deepNestingIsNamed() throws {
        let deep = "knowledge: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(
            error(deep)?.description
                == "bad.yaml:1: exceeds the limit on nesting of a YAML file: 64 levels (set FLYWHEEL_MAX_YAML_DEPTH to allow more)"
        )
        // Deeper than libyaml's own limit (1000): the same message.
        let deeper = "knowledge: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(error(deeper)?.message.hasPrefix("exceeds the limit on nesting of a YAML file") == true)
    }

    @Test func anAliasBombStopsAtTheNodeBudget() throws {
        var lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a, a]"]
        for i in 1...9 {
            lines.append("l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let start = Date()
        let e = try #require(error(lines.joined(separator: "\n")))
        #expect(
            e.message
                == "exceeds the limit on nodes of a YAML file with its aliases expanded: 100000 nodes (set FLYWHEEL_MAX_YAML_NODES to allow more)"
        )
        #expect(Date().timeIntervalSince(start) < 5)  // 10^10 nodes if expanded: the budget stops it early
        // A few aliases, as people use them, are fine.
        #expect(error("population:\n  - &p {persona: rushed, weight: 1}\n  - *p\n") == nil)
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let path = NSTemporaryDirectory() + "flywheel-huge-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(InputLimit.yamlBytes.value) + 1)  // sparse: no disk used
        try handle.close()
        #expect(throws: InputLimit.yamlBytes.exceeded(file: path)) { try ScenarioLoader.load(path: path) }
    }

    @Test func aFIFOIsNotReadAsAScenario() throws {
        let path = NSTemporaryDirectory() + "flywheel-fifo-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: InputError(file: path, "the scenario file is not a regular file")) {
            try ScenarioLoader.load(path: path)
        }
    }

    @Test(arguments: ["99999999999w", "9223372036854775807s", "5201w"])
    func aHorizonBeyondACenturyIsRefused(text: String) throws {
        let e = try #require(error("horizon: \(text)"))
        #expect(e.field == "horizon")
        #expect(e.message == "\"\(text)\" is longer than the longest duration allowed, 5200w (about a century)")
        #expect(error("horizon: 5200w") == nil)
    }

    @Test(arguments: ["../careful-expert", "/etc/passwd", ".hidden", "a/b"])
    func aPersonaNameCannotLeaveThePersonaFolder(name: String) throws {
        let message =
            "'\(name)' is not a persona name: the file `<personas>/<name>.yaml` (no '/', not starting with '.')"
        #expect(
            error("population: [{persona: '\(name)'}]")
                == InputError(file: "bad.yaml", line: 1, field: "population[0].persona", message).withColumn(24))
        #expect(
            error("panel: '\(name)'") == InputError(file: "bad.yaml", line: 1, field: "panel", message).withColumn(8))
        #expect(
            error("arms: {batch: {labelling: {persona: '\(name)'}}}")
                == InputError(file: "bad.yaml", line: 1, field: "arms.batch.labelling.persona", message).withColumn(37))
    }

    @Test func personaFilesGetTheSameYAMLErrors() throws {
        #expect(
            throws: InputError(
                file: "p.yaml", line: 2, "YAML syntax: duplicate key 'name' in one mapping (first on line 1)"
            ).withColumn(1)
        ) {
            try Persona.load(yaml: "name: a\nname: b\n", file: "p.yaml")
        }
        #expect(throws: InputError.self) {
            try Persona.load(named: "../rushed", in: URL(fileURLWithPath: "scenarios/personas"))
        }
    }
}

extension InputError {
    func withColumn(_ column: Int) -> InputError {
        var e = self
        e.column = column
        return e
    }
}
