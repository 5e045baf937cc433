import FlywheelCore
import FlywheelTestSupport
import Foundation
import Scenarios
import Testing

@testable import FlywheelCLI
import Reports
@testable import Store

/// The report's per-persona panels and example replies on a real run: the oracle persona agrees
/// with the truth on every judged mark and choice, the random persona's A/B choices are coin
/// flips, the personas' agent minutes add up to the run's `agent_minutes` (and a frozen arm,
/// which collects no feedback, has no rows), and each example
/// ticket shows the two replies the agent was shown. The counts the run stores as it goes equal a
/// re-read of its annotation logs, window by window, and a store without them (written before
/// schema 4) gets the same panels from that re-read.
@Suite(.serialized) struct PersonaPanelEndToEndTests {
    @Test func oracleAgreesRandomFlipsMinutesAddUpRepliesShown() async throws {
        let folder = try TinyWorld.temporaryFolder("personas")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 400, weeks: 3)
        let scenario = try TinyWorld.scenario(
            "personas", in: folder, corpus: corpus,
            body: """
                seed: 9
                replicates: 2
                heldout: {share: 0.1, max: 30}
                population: [{persona: oracle, weight: 0.4}, {persona: random, weight: 0.3}, {persona: careful-expert, weight: 0.3}]
                arms: {aitl: {cadence: 7d}, frozen: {retrain: false}}
                baseline: frozen
                horizon: 3w

                """)
        let out = folder + "/run"
        _ = try RunPipeline(
            scenarioPath: scenario, out: out, replicates: nil, jobs: 2, resume: false, force: false, quiet: true
        ).run()
        let input = try ReportLoader.input(directory: out)
        func tally(_ persona: String) throws -> PersonaTally {
            try #require(input.personas.first { $0.arm == "aitl" && $0.persona == persona })
        }

        let oracle = try tally("oracle")
        #expect(oracle.relevance.judged > 20 && oracle.relevance.rate == 1)
        #expect(oracle.preference.judged > 20 && oracle.preference.rate == 1)

        // Coin flips: within 4 standard errors of ½ (fixed seed; the bound holds with room).
        let random = try tally("random")
        let n = Double(random.preference.judged)
        #expect(n > 20)
        #expect(abs(random.preference.rate! - 0.5) <= 4 * (0.25 / n).squareRoot())
        #expect(random.relevance.rate! < oracle.relevance.rate!)

        // Only arms that collect agent feedback get rows (frozen does not retrain: it collects none),
        // and the personas' minutes are the arm's agent minutes, per replicate.
        #expect(Set(input.personas.map(\.arm)) == ["aitl"])
        let minutes = input.personas.filter { $0.arm == "aitl" }.map(\.minutesPerReplicate).reduce(0, +)
        let stored =
            input.rows.filter { $0.arm == "aitl" && $0.metric == "agent_minutes" }.map(\.value).reduce(0, +) / 2
        #expect(minutes > 0 && abs(minutes - stored) < 1e-6 * max(1, stored))
        #expect(try tally("careful-expert").minutesPerReplicate > 0 && oracle.minutesPerReplicate == 0)

        // Examples carry both replies, and the page shows them and the panels.
        #expect(!input.examples.isEmpty && input.examples.allSatisfy { $0.replyA != nil && $0.replyB != nil })
        let html = HTMLReport.render(input)
        #expect(
            html.contains("<h2>Agents by persona</h2>") && html.contains("<h4>Reply A</h4>")
                && html.contains("<h4>Reply B</h4>"))
        let replyA = try #require(input.examples.first?.replyA)
        #expect(html.contains(HTML.escape(replyA)))
        #expect(html.contains("<td>aitl</td><td>oracle</td>") && html.contains("100.0% (\(oracle.relevance.judged))"))
    }

    /// The counts stored as the run absorbed its feedback are exactly (counts, judgements and
    /// agent-seconds, bit for bit) what a re-read of the stored logs gives, window by window;
    /// without them (a store from before schema 4) the report re-reads the logs, says so, and
    /// draws the same panels. Two runs with different --jobs store the same rows.
    @Test func storedCountsEqualARereadOfTheLogs() async throws {
        let folder = try TinyWorld.temporaryFolder("personas-reread")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 300, weeks: 3)
        let scenario = try TinyWorld.scenario(
            "reread", in: folder, corpus: corpus,
            body: """
                seed: 4
                replicates: 2
                heldout: {share: 0.1, max: 20}
                population: [{persona: oracle, weight: 0.3}, {persona: random, weight: 0.3}, {persona: rushed, weight: 0.4}]
                arms: {aitl: {cadence: 7d}, no-marks: {cadence: 7d, signals: [preference, adoption]}, frozen: {retrain: false}}
                baseline: frozen
                horizon: 3w

                """)
        var stored: [[PersonaActivity.WindowRow]] = []
        for jobs in [1, 3] {
            let out = folder + "/run\(jobs)"
            _ = try RunPipeline(
                scenarioPath: scenario, out: out, replicates: nil, jobs: jobs, resume: false, force: false, quiet: true
            ).run()
            let store = try ResultsStore(path: out + "/run.sqlite")
            let run = try #require(try store.runs().last)
            stored.append(try store.personaActivity(run: run.id))
        }
        #expect(stored[0] == stored[1])
        #expect(Set(stored[0].map(\.job.arm)) == ["aitl", "no-marks"])
        #expect(!stored[0].contains { $0.job.arm == "no-marks" && $0.row.kind == .relevance })

        let out = folder + "/run1"
        let store = try ResultsStore(path: out + "/run.sqlite")
        let run = try #require(try store.runs().last)
        let spec = try ScenarioLoader.decode(run.scenarioJSON, file: store.path)
        let truths = try ReportCorpus(directory: spec.corpus, texts: [], truths: true).truths
        let reread = try ReportLoader.rereadLogs(
            store: store, run: run.id, jobs: try store.loggedJobs(run: run.id), truths: truths,
            judge: ScenarioAssembly.judge(for: spec), collects: { arm, kind in spec.arms[arm]?.collects(kind) ?? true })
        // (The store returns kinds by name, the re-read in ``SignalKind`` order: compare as sets.)
        #expect(reread.activity.count == stored[0].count && Set(reread.activity) == Set(stored[0]))
        #expect(stored[0].contains { $0.row.kind == .preference && $0.row.judged > 0 })

        let fresh = try ReportLoader.input(directory: out)
        #expect(!fresh.notes.contains { $0.contains("recounted") })
        try await store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "DELETE FROM persona_activity; UPDATE runs SET persona_activity = 0")
        }
        let old = try ReportLoader.input(directory: out)
        #expect(old.personas == fresh.personas && !old.personas.isEmpty)
        #expect(old.notes.contains { $0.contains("recounted from its annotation logs") })
        #expect(old.examples.map(\.replyA) == fresh.examples.map(\.replyA))
    }
}
