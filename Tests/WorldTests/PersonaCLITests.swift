import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel persona validate` run as a user would: the built binary, from the repository root.
/// Skipped when the executable has not been built (e.g. `swift build --target WorldTests`).
@Suite(.enabled(if: BuiltExecutable.flywheel != nil, "needs the built flywheel executable"))
struct PersonaCLITests {
    static func run(_ arguments: [String]) throws -> ProcessRunner.Output {
        try ProcessRunner.run(try #require(BuiltExecutable.flywheel), arguments, in: Repository.rootPath)
    }

    @Test func validatingABadPersonaExitsTwoNamingFileAndKeyPath() throws {
        let file = TestSupport.fixture("bad-unknown-key.yaml").path
        let result = try Self.run(["persona", "validate", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains(file))
        #expect(result.stderr.contains("preference.nosie"))
        #expect(result.stderr.contains("did you mean 'noise'"))
    }

    @Test func outOfRangeProbabilityAndBadWeightsExitTwo() throws {
        let prob = try Self.run(["persona", "validate", TestSupport.fixture("bad-probability.yaml").path])
        #expect(prob.status == 2)
        #expect(prob.stderr.contains("relevance.sensitivity"))
        let weights = try Self.run(["persona", "validate", TestSupport.fixture("bad-population.yaml").path])
        #expect(weights.status == 2)
        #expect(weights.stderr.contains("\"population\""))
        #expect(weights.stderr.contains("positive"))
    }

    @Test func shippedPersonasValidateAndShow() throws {
        let files = ["careful-expert", "rushed", "novice", "sceptic"].map { "scenarios/personas/\($0).yaml" }
        let result = try Self.run(["persona", "validate"] + files)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 4)
        let show = try Self.run(["persona", "show", "rushed"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("position_bias: 0.08"))
    }
}
