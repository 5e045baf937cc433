import FlywheelCore
import Testing

@testable import Reports

/// What the run report draws from a hand-made store: weeks (from the stored evaluation times)
/// on the x axis, a unit on every y axis, ▲/✕ markers where the deploy gate shipped or refused a
/// retrained candidate, arms with equal values told apart by dash, the resolved scenario embedded
/// collapsed and escaped, no script.
@Suite struct ReportLayoutTests {
    static func input() -> ReportInput {
        var rows: [MetricRow] = []
        var marks: [ReportInput.IterationMark] = []
        for arm in ["aitl", "frozen"] {
            for rep in 0..<2 {
                for it in 0..<4 {
                    // Equal values in both arms: the lines overlap exactly.
                    rows.append(
                        MetricRow(
                            arm: arm, replicate: rep, iteration: it, metric: "adoption", value: 0.4 + 0.01 * Double(rep)
                        ))
                    let dates = ["2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16"]  // every two weeks
                    let retrained = arm == "aitl" && it > 0
                    marks.append(
                        .init(
                            arm: arm, replicate: rep, iteration: it, time: dates[it] + "T00:00:00Z",
                            retrained: retrained, deployed: retrained && it != 2))
                }
            }
        }
        return ReportInput(
            run: "r", scenarioHash: "h", baseline: "frozen", rows: rows, iterations: marks,
            scenarioJSON: #"{"seed":1,"note":"<script>alert(1)</script>"}"#)
    }

    @Test func weeksUnitsMarkersAndScenario() throws {
        let input = Self.input()
        let axis = input.timeAxis
        #expect(axis.label == "weeks since 2026-01-05")
        #expect(axis.weeks("aitl", 3) == 6)  // 42 days
        #expect(input.decisions("aitl").map(\.deployed) == [true, false, true])
        #expect(input.decisions("frozen").isEmpty)

        let html = HTMLReport.render(input)
        #expect(html.contains(">weeks since 2026-01-05</text>") && html.contains(">share adopted by the panel</text>"))
        // Two deployed (triangles) and one refused (cross) for aitl, each with a tooltip.
        #expect(html.components(separatedBy: "<title>retrained, deployed before week").count - 1 == 2)
        #expect(
            html.components(separatedBy: "<title>retrained, refused by the deploy gate before week 4</title>").count - 1
                == 1)
        // The second arm is dashed and narrower, so the first stays visible under it.
        #expect(html.contains("stroke-width=\"3.2\"") && html.contains("stroke-width=\"2.6\" stroke-dasharray=\"7 4\""))
        #expect(html.contains("<details><summary>The resolved scenario"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script"))
    }

    @Test func cadenceChartHasBandsAndTheNinetyPercentLine() {
        var rows: [MetricRow] = []
        for (arm, slope) in [("c1", 0.05), ("c2", 0.02)] {
            for rep in 0..<3 {
                for it in 0..<5 {
                    rows.append(
                        MetricRow(
                            arm: arm, replicate: rep, iteration: it, metric: "adoption",
                            value: 0.3 + slope * Double(it) + 0.01 * Double(rep)))
                }
            }
        }
        let study = CadenceStudy.analyse(
            rows: rows, arms: [("c1", "1w"), ("c2", "2w")], metric: "adoption", weeksPerIteration: 1, perRetrain: 0,
            perAgentMinute: 0, valuePerPoint: ["adoption": 1], resamples: 200)
        #expect(study.rows.allSatisfy { ($0.curveLower?.compactMap { $0 }.count ?? 0) == 5 })
        let html = HTMLReport.cadencePanel(study)
        #expect(html.contains(">90% of the best gain</text>") && html.contains("class=\"reference\""))
        #expect(html.contains("<polygon") && html.contains("<th>P(best)</th>"))
    }
}
