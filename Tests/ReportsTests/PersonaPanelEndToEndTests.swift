import FlywheelCore
import Foundation
import Testing

@testable import FlywheelCLI
import Reports

/// The report's per-persona panels and example replies on a real run: the oracle persona agrees
/// with the truth on every judged mark and choice, the random persona's A/B choices are coin
/// flips, the personas' agent minutes add up to the run's `agent_minutes` (and a frozen arm,
/// which collects no feedback, has no rows), and each example
/// ticket shows the two replies the agent was shown.
@Suite(.serialized) struct PersonaPanelEndToEndTests {
    @Test func oracleAgreesRandomFlipsMinutesAddUpRepliesShown() async throws {
        let folder = try TinyWorld.temporaryFolder("personas")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 400, weeks: 3)
        let scenario = try TinyWorld.scenario("personas", in: folder, corpus: corpus, body: """
            seed: 9
            replicates: 2
            heldout: {share: 0.1, max: 30}
            population: [{persona: oracle, weight: 0.4}, {persona: random, weight: 0.3}, {persona: careful-expert, weight: 0.3}]
            arms: {aitl: {cadence: 7d}, frozen: {retrain: false}}
            baseline: frozen
            horizon: 3w

            """)
        let out = folder + "/run"
        _ = try RunPipeline(scenarioPath: scenario, out: out, replicates: nil, jobs: 2, resume: false, force: false, quiet: true).run()
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
        let stored = input.rows.filter { $0.arm == "aitl" && $0.metric == "agent_minutes" }.map(\.value).reduce(0, +) / 2
        #expect(minutes > 0 && abs(minutes - stored) < 1e-6 * max(1, stored))
        #expect(try tally("careful-expert").minutesPerReplicate > 0 && oracle.minutesPerReplicate == 0)

        // Examples carry both replies, and the page shows them and the panels.
        #expect(!input.examples.isEmpty && input.examples.allSatisfy { $0.replyA != nil && $0.replyB != nil })
        let html = HTMLReport.render(input)
        #expect(html.contains("<h2>Agents by persona</h2>") && html.contains("<h4>Reply A</h4>") && html.contains("<h4>Reply B</h4>"))
        let replyA = try #require(input.examples.first?.replyA)
        #expect(html.contains(HTML.escape(replyA)))
        #expect(html.contains("<td>aitl</td><td>oracle</td>") && html.contains("100.0% (\(oracle.relevance.judged))"))
    }
}
