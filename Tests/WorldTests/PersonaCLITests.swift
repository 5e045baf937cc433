import Foundation
import Testing

/// `flywheel persona validate` run as a user would: the built binary, via `Process`.
enum FlywheelBinary {
    /// The `flywheel` executable next to the test bundle (`.build/<triple>/debug/`), or under
    /// `.build/debug/` of the repository.
    static var url: URL? {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("flywheel"),
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("flywheel"),
            TestSupport.repoRoot.appendingPathComponent(".build/debug/flywheel"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url!
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.repoRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

// Skipped when the executable has not been built (e.g. `swift build --target WorldTests`).
@Suite(.enabled(if: FlywheelBinary.url != nil, "needs the built flywheel executable next to the tests"))
struct PersonaCLITests {
    @Test func validatingABadPersonaExitsTwoNamingFileAndKeyPath() throws {
        let file = TestSupport.fixture("bad-unknown-key.yaml").path
        let result = try FlywheelBinary.run(["persona", "validate", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains(file))
        #expect(result.stderr.contains("preference.nosie"))
        #expect(result.stderr.contains("did you mean 'noise'"))
    }

    @Test func outOfRangeProbabilityAndBadWeightsExitTwo() throws {
        let prob = try FlywheelBinary.run(["persona", "validate", TestSupport.fixture("bad-probability.yaml").path])
        #expect(prob.status == 2)
        #expect(prob.stderr.contains("relevance.sensitivity"))
        let weights = try FlywheelBinary.run(["persona", "validate", TestSupport.fixture("bad-population.yaml").path])
        #expect(weights.status == 2)
        #expect(weights.stderr.contains("\"population\""))
        #expect(weights.stderr.contains("positive"))
    }

    @Test func shippedPersonasValidateAndShow() throws {
        let files = ["careful-expert", "rushed", "novice", "sceptic"].map { "scenarios/personas/\($0).yaml" }
        let result = try FlywheelBinary.run(["persona", "validate"] + files)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 4)
        let show = try FlywheelBinary.run(["persona", "show", "rushed"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("position_bias: 0.08"))
    }
}
