import ArgumentParser
import FlywheelCore
import FlywheelTestSupport
import Foundation
import Testing

@testable import FlywheelCLI

/// `flywheel check` for CI: the JUnit file is written even for invalid input, a scenario without
/// assertions gets a note (or fails with --strict) instead of "0 passed, 0 failed", and
/// `--format json` is one JSON document. None of these run a scenario.
@Suite(.serialized) struct CheckCLITests {
    static func junit(_ path: String) throws -> (ok: Bool, reader: JUnitReader) {
        JUnitReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A scenario that loads (no corpus is read until it runs) and has no `expect:`.
    static func unchecked(in folder: String) throws -> String {
        let path = folder + "/empty.yaml"
        try "arms: {aitl: {cadence: 7d}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func invalidInputStillWritesJUnitWithAnErrorCase() throws {
        let folder = try TinyWorld.temporaryFolder("check-invalid")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The unknown key holds an escape character (YAML "\e"): neither XML nor terminal may see it raw.
        let bad = folder + "/bad.yaml"
        try "arms: {aitl: {\"cad\\eence\": 7d}}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let junit = folder + "/junit.xml"
        var caught: InputError?
        do {
            try CheckCommand.parse([bad, "--junit", junit, "--out", folder]).run()
        } catch let error as InputError {
            caught = error
        }
        let error = try #require(caught)
        #expect(error.commandLine.contains("\\u{1B}") && !error.commandLine.contains("\u{1B}"))
        let (ok, reader) = try Self.junit(junit)
        #expect(ok)
        #expect(reader.suiteNames == ["bad"])
        #expect(reader.errors.count == 1)
        #expect(reader.errors.first == error.commandLine)
    }

    @Test func aMissingScenarioStillWritesJUnit() throws {
        let folder = try TinyWorld.temporaryFolder("check-missing")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let junit = folder + "/junit.xml"
        #expect(throws: InputError.self) { try CheckCommand.parse([folder + "/nope.yaml", "--junit", junit]).run() }
        let (ok, reader) = try Self.junit(junit)
        #expect(ok && reader.errors == ["\(folder)/nope.yaml: no such scenario file or folder"])
    }

    @Test func aScenarioWithoutAssertionsGetsANoteNotZeroPassedZeroFailed() throws {
        let folder = try TinyWorld.temporaryFolder("check-empty")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = try Self.unchecked(in: folder)
        var lines: [String] = []
        let outcome = try CheckRun(scenarios: [empty], out: folder, jobs: 1, quiet: true).run { lines.append($0) }
        #expect(outcome.exitStatus == 0)
        #expect(lines == ["\(empty): no expect: assertions", CheckOutcome.uncheckedNote(strict: false)])
        #expect(
            outcome.summaryLine
                == "nothing checked: the scenario has no expect: assertions (--strict makes this a failure)")
        #expect(!outcome.summaryLine.contains("0 passed, 0 failed"))
        #expect(
            !FileManager.default.fileExists(atPath: folder + "/empty"), "a scenario with nothing to check is not run")
        let junit = folder + "/junit.xml"
        #expect(try TinyWorld.status { try CheckCommand.parse([empty, "--junit", junit, "--out", folder]).run() } == 0)
        #expect(try Self.junit(junit).reader.skipped == ["no expect: assertions"])
    }

    @Test func strictFailsAScenarioWithoutAssertions() throws {
        let folder = try TinyWorld.temporaryFolder("check-strict")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = try Self.unchecked(in: folder)
        let junit = folder + "/junit.xml"
        let status = try TinyWorld.status {
            try CheckCommand.parse([empty, "--strict", "--junit", junit, "--out", folder]).run()
        }
        #expect(status == 1)
        let (ok, reader) = try Self.junit(junit)
        #expect(ok && reader.failures == ["no expect: assertions (--strict)"])
        let outcome = try CheckRun(scenarios: [empty], out: folder, jobs: 1, quiet: true, strict: true).run { _ in }
        #expect(outcome.summaryLine == "0 passed, 1 failed (1 scenario without expect: assertions, --strict)")
    }

    @Test func jsonIsOneDocumentWithTheExitStatus() throws {
        let folder = try TinyWorld.temporaryFolder("check-json")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = try Self.unchecked(in: folder)
        let outcome = try CheckRun(scenarios: [empty], out: folder, jobs: 1, quiet: true, strict: true).run { _ in }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.json().utf8)) as? [String: Any])
        #expect(object["exit_status"] as? Int == 1)
        #expect(object["unchecked"] as? Int == 1 && object["passed"] as? Int == 0 && object["strict"] as? Bool == true)
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.first?["status"] as? String == "unchecked" && scenarios.first?["name"] as? String == "empty")

        var failed = CheckOutcome()
        failed.error = "bad.yaml: field \"arms\": unknown key"
        let error = try #require(try JSONSerialization.jsonObject(with: Data(failed.json().utf8)) as? [String: Any])
        #expect(error["exit_status"] as? Int == 2 && error["error"] as? String == failed.error)
    }
}
