import FlywheelCore
import Foundation
import Testing

/// Bounds are configurable through their environment variables, and a bound exceeded is one
/// line and exit 2 from any command.
@Suite struct BoundedInputCLITests {
    @Test func aLowerLineLimitStopsValidateAndRunWithOneLine() throws {
        let f = try ReliabilityFixture("bounded-line")
        defer { f.cleanUp() }
        let env = ["FLYWHEEL_MAX_LINE_BYTES": "100"]
        let message =
            "exceeds the limit on one line of a JSON lines file: 100 bytes (set FLYWHEEL_MAX_LINE_BYTES to allow more)"
        let validate = try CLIFixture.run(["corpus", "validate", CLIFixture.corpus], environment: env)
        #expect(validate.0 == 2)
        #expect(validate.2.hasPrefix("error: \(CLIFixture.corpus)/articles.jsonl.zst:1: \(message)\n"), "\(validate.2)")

        let run = try CLIFixture.run(
            ["run", try f.scenario(), "--quiet", "--out", f.directory + "/out"], environment: env)
        #expect(run.0 == 2)
        #expect(ReliabilityFixture.lines(run.2).count == 1, "\(run.2)")
        #expect(run.2.contains(message))
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/out/run.sqlite"))
    }

    @Test func aLimitVariableThatIsNotAPositiveNumberIsRefused() throws {
        let r = try CLIFixture.run(
            ["corpus", "validate", CLIFixture.corpus], environment: ["FLYWHEEL_MAX_YAML_NODES": "lots"])
        #expect(r.0 == 2)
        #expect(r.2 == "error: field \"FLYWHEEL_MAX_YAML_NODES\": expected a positive integer (nodes), got \"lots\"\n")
    }

    @Test func anEndlessHorizonIsRefusedByValidate() throws {
        let f = try ReliabilityFixture("bounded-horizon")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let text = try String(contentsOfFile: scenario, encoding: .utf8).replacingOccurrences(
            of: "horizon: 2w", with: "horizon: 99999999999w")
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        let r = try CLIFixture.run(["scenario", "validate", scenario])
        #expect(r.0 == 2)
        #expect(
            r.2
                == "error: \(scenario):13:10: field \"horizon\": \"99999999999w\" is longer than the longest duration allowed, 5200w (about a century)\n"
        )
    }

    @Test func aCadenceHorizonBeyondACenturyIsBadInputInOneLine() throws {
        let f = try ReliabilityFixture("bounded-cadence-horizon")
        defer { f.cleanUp() }
        let r = try CLIFixture.run([
            "cadence", try f.scenario(), "--horizon", "6000w", "--out", f.directory + "/cadence"
        ])
        #expect(r.0 == 2)
        #expect(
            r.2 == "error: --horizon: \"6000w\" is longer than the longest duration allowed, 5200w (about a century)\n")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/cadence"), "nothing written for bad input")
        // A horizon that is no duration at all stays a usage error.
        #expect(try CLIFixture.run(["cadence", try f.scenario(), "--horizon", "soon"]).0 == 64)
    }
}
