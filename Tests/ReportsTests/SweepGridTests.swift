import FlywheelCore
import Testing

@testable import Reports

/// sweep.csv → a heat map over the first two parameter columns, averaging repeated cells.
@Suite struct SweepGridTests {
    @Test func twoParametersBecomeAHeatMap() throws {
        let csv = """
            cell,noise,participation,arm,metric,value
            a,0.1,0.5,aitl,adoption,0.20
            a,0.1,0.5,aitl,adoption,0.30
            b,0.3,0.5,aitl,adoption,0.10
            c,0.1,1.0,aitl,adoption,0.40
            c,0.1,1.0,frozen,adoption,0.99
            """
        let grid = try #require(SweepGrid.parse(csv: csv, arm: "aitl"))
        #expect(grid.xName == "noise" && grid.yName == "participation")
        #expect(grid.xValues == ["0.1", "0.3"] && grid.yValues == ["0.5", "1.0"])
        let cells = try #require(grid.cells["adoption"])
        #expect(abs(cells[0][0]! - 0.25) < 1e-12)  // mean of the two replicates of cell a
        #expect(cells[0][1] == 0.10 && cells[1][0] == 0.40 && cells[1][1] == nil)
        let html = HTMLReport.render(ReportInput(
            run: "s", scenarioHash: "h", baseline: nil,
            rows: [MetricRow(arm: "aitl", replicate: 0, iteration: 0, metric: "adoption", value: 0.1)], sweep: grid))
        #expect(html.contains("<h2>Sweep</h2>") && html.contains("aria-label=\"adoption\""))
    }

    @Test func fewerThanTwoParametersIsNoGrid() {
        #expect(SweepGrid.parse(csv: "noise,metric,value\n0.1,adoption,0.2\n") == nil)
    }
}
