import FlywheelCore
import FlywheelTestSupport
import Foundation
import Reports
import Testing

@testable import FlywheelCLI

/// `flywheel cadence` on a tiny world (100 articles, 800 tickets over 4 weeks, 1 replicate):
/// every cadence runs on the same stream, the study recommends one, and shortening the cadence
/// never slows the time to 90% of the best final gain.
@Suite(.serialized) struct CadenceEndToEndTests {
    @Test func shorterCadenceIsNeverSlowerToNinetyPercent() async throws {
        let folder = try TinyWorld.temporaryFolder("cadence")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 800, weeks: 4)
        let scenario = try TinyWorld.scenario(
            "tiny", in: folder, corpus: corpus,
            body: """
                seed: 11
                replicates: 1
                heldout: {share: 0.1, max: 60}
                population: [{persona: careful-expert, weight: 1}]
                arms: {aitl: {cadence: 7d}, frozen: {retrain: false}}
                baseline: frozen
                cost: {per_retrain: 1, per_agent_minute: 0.01, value_per_point: {recall@75: 10}}

                """)
        let (study, directory) = try CadenceRun(
            scenarioPath: scenario, cadences: "1w,2w,4w", horizon: "4w", replicates: nil, arm: nil, metric: "recall@75",
            out: folder + "/out", jobs: 2, quiet: true
        ).run()
        #expect(study.rows.map(\.cadence) == ["1w", "2w", "4w", "no loop"])
        #expect(study.rows.map(\.retrains) == [4, 2, 1, 0])
        // Not running the loop costs nothing: no retraining, nobody annotating.
        #expect(study.rows[3].noLoop == true && study.rows[3].agentMinutes == 0 && study.rows[0].agentMinutes > 0)
        #expect(study.bestFinalGain > 0)
        #expect(study.rows.contains { $0.weeksTo90 != nil })
        #expect(["1w", "2w", "4w", "no loop"].contains(study.recommended))
        // One replicate: the bootstrap has nothing to resample, so the winner has P(best) = 1.
        #expect(study.rows.map { $0.probabilityBest ?? 0 }.reduce(0, +) == 1)
        #expect(study.rows.first { $0.cadence == study.recommended }?.probabilityBest == 1)
        // Strict: a cadence that never reaches 90% counts as the horizon plus one interval.
        let never = 4.0 + study.weeksPerIteration
        let times = study.rows.filter { $0.noLoop != true }.map { $0.weeksTo90 ?? never }
        for i in 1..<times.count {
            #expect(
                times[i - 1] <= times[i],
                "cadence \(study.rows[i - 1].cadence) slower than \(study.rows[i].cadence): \(times)")
        }
        let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        #expect(
            html.contains("<h2>Cadence</h2>")
                && html.contains("Recommended cadence: <strong>\(study.recommended)</strong>"))
        #expect(FileManager.default.fileExists(atPath: directory + "/cadence.json"))

        // --arm must name an arm that retrains; the study is refused before anything runs.
        let frozen = CadenceRun(
            scenarioPath: scenario, cadences: "1w", horizon: "4w", replicates: nil, arm: "frozen", metric: nil,
            out: folder + "/refused", jobs: 1, quiet: true)
        #expect(
            throws: InputError(
                field: "--arm",
                "'frozen' does not retrain (retrain: false), so it has no cadence to vary; name an arm that retrains")
        ) {
            _ = try frozen.run()
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/refused"))
        // --metric drives the value term: only that metric is valued.
        #expect(CadenceRun.valuePerPoint(["adoption": 100, "recall@75": 10], metric: "recall@75") == ["recall@75": 10])
        #expect(CadenceRun.valuePerPoint(["adoption": 100], metric: "recall@75") == ["recall@75": 100])
        #expect(CadenceRun.valuePerPoint(["adoption": 100, "mrr": 5], metric: nil) == ["adoption": 100, "mrr": 5])
    }
}
