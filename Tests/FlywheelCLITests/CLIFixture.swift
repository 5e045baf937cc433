import Corpora
import WorldGenerator
import Foundation
import FlywheelTestSupport

/// A tiny corpus and scenario in a temporary folder, and a way to run the built `flywheel`.
struct CLIFixture {
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
            personas: \(Repository.personas.path)
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
    ) throws -> ProcessRunner.Output {
        guard let binary = BuiltExecutable.flywheel else { throw CocoaError(.fileNoSuchFile) }
        return try ProcessRunner.run(binary, arguments, environment: environment, in: directory)
    }

    /// Runs `flywheel run …` (without `--quiet`: its progress lines are the signal) and kills it
    /// with SIGKILL as soon as it reports at least `iterations` iterations written — an abrupt
    /// end, as `kill -9` or a power cut, after a known amount of committed work. Returns whether
    /// the kill ended it (false: the run finished first) and its standard error.
    static func runKilled(_ arguments: [String], afterIterations iterations: Int) throws -> (
        killed: Bool, stderr: String
    ) {
        guard let binary = BuiltExecutable.flywheel else { throw CocoaError(.fileNoSuchFile) }
        precondition(!arguments.contains("--quiet"), "the kill waits for progress lines, which --quiet turns off")
        return try ProcessRunner.runKilled(binary, arguments) { line in
            iterationsDone(line).map { $0 >= iterations } ?? false
        }
    }

    /// The count in a progress line of `flywheel run` on a pipe, "tiny: 6/16 iterations, …".
    static func iterationsDone(_ line: String) -> Int? {
        guard let range = line.range(of: " iterations, "), let colon = line.range(of: ": ") else { return nil }
        let fraction = line[colon.upperBound..<range.lowerBound].split(separator: "/")
        return fraction.count == 2 ? Int(fraction[0]) : nil
    }
}
