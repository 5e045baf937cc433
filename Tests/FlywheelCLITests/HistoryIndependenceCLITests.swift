import Foundation
import Testing

@testable import FlywheelCLI

/// Same scenario and seed, same metrics.csv, whatever else the process runs meanwhile: here a
/// run over another corpus with the same article ids (`A-00001`, … with other bodies), as when
/// tests or `flywheel check` scenarios share a process.
@Suite(.serialized) struct HistoryIndependenceCLITests {
    @Test func aRunBesideARunOverAnotherCorpusWithTheSameIDsGivesTheSameMetrics() throws {
        let f = try ReliabilityFixture("history")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let rivalScenario = try f.scenario("rival", corpus: try f.corpus(seed: 8))
        let directory = f.directory
        @Sendable func run(_ path: String, _ out: String) throws {
            _ = try RunPipeline(
                scenarioPath: path, out: directory + "/" + out, jobs: 2, resume: false, force: true, quiet: true,
                report: false
            ).run()
        }
        try run(scenario, "alone")
        let alone = try #require(f.cli.read("alone/metrics.csv"))

        let rivalDone = DispatchSemaphore(value: 0)
        Thread {
            try? run(rivalScenario, "rival")
            rivalDone.signal()
        }.start()
        let besides = Result { try run(scenario, "beside") }
        rivalDone.wait()
        try besides.get()
        #expect(f.cli.read("beside/metrics.csv") == alone)
    }
}
