import FlywheelCore
import Foundation
import Testing

@testable import Scenarios

/// The one rule for relative paths (``ScenarioPaths``): against the folder of the file that
/// names them, whatever the working directory.
@Suite struct ScenarioPathsTests {
    @Test func aRelativePathResolvesAgainstTheFolderAndAnAbsoluteOneIsKept() {
        let root = ScenarioPaths.folder(ofFile: "/p/scenarios/ci/converges.yaml")
        #expect(root == "/p/scenarios/ci")
        #expect(ScenarioPaths.resolve("../../corpora/ci-small", against: root) == "/p/corpora/ci-small")
        #expect(ScenarioPaths.resolve("./personas/", against: root) == "/p/scenarios/ci/personas")
        #expect(ScenarioPaths.resolve("/data/corpus", against: root) == "/data/corpus")
        // A file named relatively on a command line is the shell's: under the working directory.
        let here = FileManager.default.currentDirectoryPath
        #expect(ScenarioPaths.folder(ofFile: "scenarios/x.yaml") == ScenarioPaths.resolve("scenarios", against: here))
    }

    @Test func relativeSpellsTheWayFromOneFolderToAPath() {
        #expect(ScenarioPaths.relative("/p/corpora/x", from: "/p/scenarios") == "../corpora/x")
        #expect(ScenarioPaths.relative("/p/scenarios/personas", from: "/p/scenarios") == "personas")
        #expect(ScenarioPaths.relative("/p/scenarios", from: "/p/scenarios") == ".")
        #expect(ScenarioPaths.relative("/q/c", from: "/p/s/t") == "../../../q/c")
    }

    @Test func resolvingPathsTouchesCorpusPersonasAndLogsOnly() throws {
        var s = Scenario()
        s.corpus = "../corpora/ci-small"
        s.personas = "/abs/personas"
        var logged = ArmSpec()
        logged.feedback = .logged
        logged.log = "logs/a.jsonl"
        s.arms["replay"] = logged
        let r = s.resolvingPaths(against: "/p/scenarios")
        #expect(r.corpus == "/p/corpora/ci-small")
        #expect(r.personas == "/abs/personas")
        #expect(r.arms["replay"]?.log == "/p/scenarios/logs/a.jsonl")
        #expect(r.arms["aitl"] == s.arms["aitl"])
        var back = r
        back.corpus = s.corpus
        back.personas = s.personas
        back.arms["replay"]?.log = logged.log
        #expect(back == s, "nothing else changes")
    }

    /// A sweep in scenarios/sweeps/ over scenarios/base.yaml: the base's own paths stay as
    /// written (relative to scenarios/), a path the sweep sets or sweeps is the sweep file's and is
    /// rebased to scenarios/, and an absolute one is kept.
    @Test func pathsASweepSetsAreTheSweepFilesRebasedToItsBase() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-paths-\(getpid())").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: project + "/scenarios/sweeps", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: project) }
        try "corpus: ../corpora/a\npersonas: personas\n".write(
            toFile: project + "/scenarios/base.yaml", atomically: true, encoding: .utf8)
        try """
        base: ../base.yaml
        set: {personas: ../../people, arms: {aitl: {cadence: 7d}, frozen: {retrain: false}, replay: {feedback: logged, log: logs/r.jsonl}}}
        parameters: {corpus: [../../corpora/b, /data/c], seed: [1]}

        """.write(toFile: project + "/scenarios/sweeps/s.yaml", atomically: true, encoding: .utf8)
        let sweep = try Sweep.load(path: project + "/scenarios/sweeps/s.yaml")
        #expect(sweep.root == project + "/scenarios")
        #expect(sweep.cells.map(\.scenario.corpus) == ["../corpora/b", "/data/c"])
        #expect(sweep.cells.allSatisfy { $0.scenario.personas == "../people" })
        #expect(sweep.cells.allSatisfy { $0.scenario.arms["replay"]?.log == "sweeps/logs/r.jsonl" })
        #expect(
            sweep.cells[0].values["corpus"] == .string("../../corpora/b"),
            "the cell's values are shown as the sweep wrote them")

        let again = try Sweep.load(path: project + "/scenarios/sweeps/s.yaml")
        #expect(again.cells.map(\.hash) == sweep.cells.map(\.hash), "loading is deterministic")
        try "base: ../base.yaml\nparameters: {seed: [1, 2]}\n".write(
            toFile: project + "/scenarios/sweeps/t.yaml", atomically: true, encoding: .utf8)
        let untouched = try Sweep.load(path: project + "/scenarios/sweeps/t.yaml")
        #expect(
            untouched.cells.allSatisfy { $0.scenario.corpus == "../corpora/a" && $0.scenario.personas == "personas" })
    }
}
