import Corpora
import Foundation

/// A tiny corpus and scenario in a temporary folder, and a way to run the built `flywheel`.
struct CLIFixture {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The debug `flywheel` binary `swift test` builds.
    static var binary: String? {
        for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"] {
            let p = root + "/" + dir + "/flywheel"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Written once per test process: 150 articles, 1,200 tickets over 4 weeks.
    static let corpus: String = {
        let dir = NSTemporaryDirectory() + "flywheel-cli-corpus-\(ProcessInfo.processInfo.processIdentifier)"
        if !FileManager.default.fileExists(atPath: dir + "/manifest.json") {
            let world = SyntheticWorld.generate(.init(seed: 3, articles: 150, tickets: 1200, weeks: 4))
            _ = try? world.write(to: dir, name: "cli-test", overwrite: true)
        }
        return dir
    }()

    let directory: String

    init(_ label: String) throws {
        directory = NSTemporaryDirectory() + "flywheel-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Writes a scenario over the tiny corpus and returns its path.
    func scenario(_ name: String = "tiny", extra: String = "") throws -> String {
        let text = """
            corpus: \(CLIFixture.corpus)
            personas: \(CLIFixture.root)/scenarios/personas
            seed: 9
            replicates: 2
            heldout: {share: 0.06, max: 50}
            population:
              - {persona: careful-expert, weight: 0.5}
              - {persona: rushed, weight: 0.5}
            arms:
              aitl: {cadence: 7d}
              frozen: {retrain: false}
            baseline: frozen
            horizon: 3w
            \(extra)
            """
        let path = directory + "/\(name).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: directory + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs `flywheel` with `arguments`, extra environment and optionally another working
    /// directory; (status, stdout, stderr).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
    ) throws -> (Int32, String, String) {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
