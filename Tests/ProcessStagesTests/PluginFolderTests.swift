import FlywheelCore
import Foundation
import Scenarios
import Testing

/// A `kind: process` stage runs in the scenario file's folder (``ScenarioPaths``): a script
/// named relatively in its `command` is found next to the scenario, whatever the working
/// directory (python3 needed; skipped without it).
@Suite struct PluginFolderTests {
    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func aRelativeScriptInTheCommandIsFoundInTheScenariosFolder() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("plugin-folder-\(getpid())").path
        try fm.createDirectory(atPath: folder + "/stages", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: folder) }
        let script = Bundle.module.path(forResource: "echo_stages", ofType: "py", inDirectory: "Fixtures")!
        try fm.copyItem(atPath: script, toPath: folder + "/stages/echo_stages.py")
        #expect(
            !fm.fileExists(atPath: fm.currentDirectoryPath + "/stages/echo_stages.py"),
            "not reachable from the working directory")

        var spec = SystemSpec()
        spec.reranker.kind = .process
        var process = ProcessSpec()
        process.command = ["python3", "stages/echo_stages.py"]
        process.timeout = SimDuration(seconds: 10)
        spec.reranker.process = process
        let system = try ScenarioAssembly.makeSystem(
            spec, seed: 1, published: ProcessStagesTests.articles, root: folder)
        let candidates = RankedList(
            ticket: "t1", entries: [.init(article: "a1", score: 2), .init(article: "a2", score: 1)])
        #expect(
            try system.reranker.rerank(ProcessStagesTests.t1, candidates: candidates, depth: 8).articles == ["a2", "a1"]
        )
    }
}
