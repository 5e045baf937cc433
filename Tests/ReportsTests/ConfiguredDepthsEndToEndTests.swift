import Foundation
import Reports
import Testing
import FlywheelTestSupport

@testable import FlywheelCLI

/// Headline metrics follow the configured depths: a run on corpora/ci-small with retriever
/// depth 50 and reranker depth 5 shows recall@50 and precision@5 (and never recall@75 or
/// precision@8) in its end-of-run table, its report.html and its Markdown summary.
@Suite(.serialized) struct ConfiguredDepthsEndToEndTests {
    @Test func depths50And5AreTheHeadlineInTableHTMLAndMarkdown() throws {
        let folder = try TinyWorld.temporaryFolder("depths")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try TinyWorld.scenario(
            "depths", in: folder, corpus: Repository.rootPath + "/corpora/ci-small",
            body: """
                seed: 3
                replicates: 1
                agents: 20
                heldout: {share: 0.05, max: 40}
                population: [{persona: careful-expert, weight: 1}]
                system: {retriever: {depth: 50}, reranker: {depth: 5}}
                arms: {aitl: {cadence: 7d}, frozen: {retrain: false}}
                baseline: frozen
                horizon: 1w

                """)
        let results = folder + "/results"
        let outcome = try RunPipeline(
            scenarioPath: scenario, out: results, replicates: nil, jobs: 2, resume: false, force: false, quiet: true
        ).run()
        #expect(
            outcome.summary.headline == [
                "recall@50", "precision@5", "ndcg@10", "mrr", "helpfulness", "helpfulness_ge4", "adoption"
            ])

        let table = SummaryTable.render(outcome.summary)
        let html = try String(contentsOfFile: results + "/report.html", encoding: .utf8)
        let markdown = MarkdownSummary.render(try ReportLoader.input(directory: results))
        for (name, text) in [("table", table), ("report.html", html), ("Markdown", markdown)] {
            #expect(text.contains("recall@50") && text.contains("precision@5"), "\(name) lacks the configured depths")
            #expect(!text.contains("recall@75") && !text.contains("precision@8"), "\(name) names a default depth")
        }
        // One table row per headline metric and arm: 7 × 2.
        #expect(
            table.split(separator: "\n").filter { $0.hasPrefix("recall@50") || $0.hasPrefix("precision@5") }.count == 4)
    }
}
