import FlywheelCore
import FlywheelTestSupport
import Foundation
import Testing

@testable import FlywheelCLI
import Reports
import Store

/// `flywheel report` on what `sweep` and `run` leave behind: a sweep folder gets heat maps from
/// its own store (no sweep.csv needed), a folder of unmerged shards is refused with the merge
/// command, and several run folders with --out become one comparison page.
@Suite(.serialized) struct ReportCLITests {
    static let world = """
        seed: 5
        replicates: 2
        heldout: {share: 0.1, max: 20}
        population: [{persona: careful-expert, weight: 1}]
        arms: {aitl: {cadence: 7d}, frozen: {retrain: false}}
        baseline: frozen
        horizon: 2w

        """

    @Test func sweepFolderBecomesHeatMaps() async throws {
        let folder = try TinyWorld.temporaryFolder("sweep-report")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 160, weeks: 2)
        _ = try TinyWorld.scenario("base", in: folder, corpus: corpus, body: Self.world)
        let sweep = folder + "/grid.yaml"
        try """
        version: 1
        base: base.yaml
        parameters:
          arms.aitl.cadence: [7d, 14d]
          arms.aitl.participation: [0.5, 1.0]

        """.write(toFile: sweep, atomically: true, encoding: .utf8)
        let out = folder + "/results"
        try SweepCommand.parse([sweep, "--out", out, "--jobs", "2", "--quiet"]).run()
        try FileManager.default.removeItem(atPath: out + "/sweep.csv")  // the report reads the store
        try ReportCommand.parse([out]).run()
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("4 of 4 cells complete"))
        for metric in ["adoption", "ndcg@10"] {
            #expect(html.contains("aria-label=\"\(metric), arm aitl: final value\""))
            #expect(html.contains("aria-label=\"\(metric): aitl − frozen at the end\""))
        }
        #expect(html.contains("arms.aitl.cadence") && html.contains(">14d<") && html.contains("class=\"ci\""))

        // The same cells in the end-of-sweep table (sweep prints it from the same SweepResults).
        let table = SweepCellTable.render(try SweepResults.load(store: try ResultsStore(path: out + "/sweep.sqlite")))
        #expect(table.split(separator: "\n").filter { $0.contains(" aitl ") }.count == 4)

        // Shards only: one line naming the merge command.
        let shards = folder + "/shards"
        try SweepCommand.parse([sweep, "--out", shards, "--shard", "0/2", "--jobs", "2", "--quiet"]).run()
        let error = #expect(throws: InputError.self) { try ReportCommand.parse([shards]).run() }
        #expect(
            error?.message.contains("flywheel merge \(shards)/shard-*-of-2.sqlite --out \(shards)/sweep.sqlite") == true
        )
    }

    @Test func twoRunsBecomeOneComparison() async throws {
        let folder = try TinyWorld.temporaryFolder("compare")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = try await TinyWorld.corpus(in: folder, tickets: 160, weeks: 2)
        let a = try TinyWorld.scenario("a", in: folder, corpus: corpus, body: Self.world)
        let b = try TinyWorld.scenario(
            "b", in: folder, corpus: corpus, body: Self.world.replacingOccurrences(of: "careful-expert", with: "random")
        )
        for (file, name) in [(a, "a"), (b, "b")] {
            _ = try RunPipeline(
                scenarioPath: file, out: folder + "/\(name)", replicates: nil, jobs: 2, resume: false, force: false,
                quiet: true
            ).run()
        }
        let page = folder + "/compare.html"
        try ReportCommand.parse([folder + "/a", folder + "/b/", "--out", page]).run()
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<h1>Flywheel comparison — \(folder)/a vs \(folder)/b</h1>"))
        #expect(html.contains("Difference: \(folder)/b − \(folder)/a"))
        #expect(html.contains("aria-label=\"Δ adoption\"") && html.contains("\(folder)/b · aitl"))
        #expect(html.contains("weeks since") && !html.contains("<script"))
        // A folder that holds no run is refused.
        #expect(throws: InputError.self) { try ReportCommand.parse([folder + "/a", folder, "--out", page]).run() }
    }
}
