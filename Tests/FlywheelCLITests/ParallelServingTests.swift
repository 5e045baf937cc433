import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

/// `--jobs` counts cores: with a single (arm, replicate) job, `--jobs 2` serves the job's
/// tickets on two threads, and metrics.csv is byte-identical to `--jobs 1`.
@Suite(.serialized) struct ParallelServingTests {
    @Test func oneJobOnTwoCoresGivesByteIdenticalMetrics() throws {
        let f = try CLIFixture("serving")
        defer { f.cleanUp() }
        let scenario = f.directory + "/one-job.yaml"
        try """
        corpus: \(CLIFixture.corpus)
        personas: \(Repository.rootPath)/scenarios/personas
        seed: 9
        replicates: 1
        heldout: {share: 0.06, max: 50}
        population:
          - {persona: careful-expert, weight: 0.5}
          - {persona: rushed, weight: 0.5}
        arms:
          aitl: {cadence: 7d, signals: [preference, adoption, relevance, missing_knowledge]}
        horizon: 3w
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let one = try CLIFixture.run(["run", scenario, "--jobs", "1", "--quiet", "--out", f.directory + "/one"])
        let two = try CLIFixture.run(["run", scenario, "--jobs", "2", "--quiet", "--out", f.directory + "/two"])
        #expect(one.0 == 0, "\(one.2)")
        #expect(two.0 == 0, "\(two.2)")
        let a = try #require(f.read("one/metrics.csv"))
        let b = try #require(f.read("two/metrics.csv"))
        #expect(a == b)
        // iteration 0 and three weekly evaluations of the one arm, with annotations counted
        #expect(a.contains("annotations_relevance"))
        #expect(a.split(separator: "\n").count > 20)
    }
}
