import FlywheelCore
import Testing

@testable import Reports

/// A sweep's cells → heat maps: the first swept key across, the rest down, one map per arm ×
/// metric of final values with their 95% CIs, one per learning arm of the difference to the
/// baseline; missing or incomplete cells stay empty.
@Suite struct SweepGridTests {
    /// A cell's summary: two replicates × two iterations of `adoption` for aitl and frozen.
    static func summary(aitl: (Double, Double), frozen: (Double, Double)) -> RunSummary {
        var rows: [MetricRow] = []
        for (arm, finals) in [("aitl", aitl), ("frozen", frozen)] {
            for (rep, final) in [finals.0, finals.1].enumerated() {
                rows.append(MetricRow(arm: arm, replicate: rep, iteration: 0, metric: "adoption", value: 0.1))
                rows.append(MetricRow(arm: arm, replicate: rep, iteration: 1, metric: "adoption", value: final))
            }
        }
        return RunSummary(run: "c", scenarioHash: "c", baseline: "frozen", rows: rows)
    }

    static let results = SweepResults(
        name: "cp", parameterNames: ["cadence", "participation"],
        cells: [
            .init(
                index: 0, hash: "a", values: ["cadence": "14d", "participation": "0.5"],
                summary: summary(aitl: (0.3, 0.5), frozen: (0.2, 0.2))),
            .init(
                index: 1, hash: "b", values: ["cadence": "3d", "participation": "0.5"],
                summary: summary(aitl: (0.6, 0.6), frozen: (0.2, 0.2))),
            .init(index: 2, hash: "c", values: ["cadence": "3d", "participation": "1.0"], summary: nil)
        ])

    @Test func cellsBecomeHeatMapsWithIntervals() throws {
        let grid = SweepGrid(Self.results)
        #expect(grid.xName == "cadence" && grid.yName == "participation")
        // Durations sort by length, not as text ("14d" < "3d" as text).
        #expect(grid.xValues == ["3d", "14d"] && grid.yValues == ["0.5", "1.0"])
        #expect(
            grid.maps.map(\.title) == [
                "adoption, arm aitl: final value", "adoption, arm frozen: final value",
                "adoption: aitl − frozen at the end"
            ])
        let aitl = grid.maps[0].cells
        #expect(abs(aitl[0][1]!.mean - 0.4) < 1e-12)  // cell a: mean of 0.3 and 0.5
        let ci = try #require(aitl[0][1]!.lower)
        #expect(ci < 0.4 && aitl[0][1]!.upper! > 0.4)
        #expect(aitl[1][0] == nil && aitl[1][1] == nil)  // incomplete cell c, and no cell 14d × 1.0
        let versus = grid.maps[2]
        #expect(versus.isDifference && abs(versus.cells[0][0]!.mean - 0.4) < 1e-12)
    }

    @Test func pageAndTableShowEveryCell() {
        let html = HTMLReport.renderSweep(Self.results)
        #expect(html.contains("<h1>Flywheel sweep — cp</h1>") && html.contains("2 of 3 cells complete"))
        #expect(html.contains("aria-label=\"adoption: aitl − frozen at the end\""))
        #expect(html.contains("incomplete") && !html.contains("<script"))
        let table = SweepCellTable.render(Self.results)
        let lines = table.split(separator: "\n")
        #expect(lines[0].contains("adoption vs frozen"))
        #expect(
            lines.contains {
                $0.contains("14d") && $0.contains("aitl") && $0.contains("0.4000") && $0.contains("+0.2000")
            })
        #expect(lines.contains { $0.hasPrefix("2") && $0.contains("incomplete") })
    }

    @Test func oneParameterIsOneRow() {
        var one = Self.results
        one.parameterNames = ["cadence"]
        let grid = SweepGrid(one)
        #expect(grid.yValues == ["all"] && grid.xValues == ["3d", "14d"])
    }
}
