import Evaluation
/// The sweep page `flywheel report SWEEPDIR` writes: heat maps of every headline metric's final
/// value (and difference to the baseline arm) with 95% CIs, then the table of cells.
extension HTMLReport {
    public static func renderSweep(_ results: SweepResults, notes: [String] = []) -> String {
        let grid = SweepGrid(results)
        let n = results.replicates
        var body = "<h1>Flywheel sweep — \(HTML.escape(results.name))</h1>\n"
        body +=
            "<p class=\"meta\">\(results.complete.count) of \(results.cells.count) cells complete · \(n) replicate(s) per cell · arms: \(results.arms.map(HTML.escape).joined(separator: ", "))\(results.baseline.map { " · baseline " + HTML.escape($0) } ?? "") · swept: \(results.parameterNames.map(HTML.escape).joined(separator: ", "))</p>\n"
        for note in notes { body += "<p class=\"note\">\(HTML.escape(note))</p>\n" }
        body +=
            "<h2>Heat maps</h2>\n<p>Each cell: the mean over its \(n) replicate(s) at the last evaluation, and below it the 95% t interval (none with one replicate). Differences to the baseline are paired by replicate; green is better than the baseline, red worse.</p>\n"
        for metric in results.metrics {
            body +=
                "<h3>\(HTML.escape(metric)) (\(HTML.escape(EngineMetric.unit(of: metric))))</h3>\n<div class=\"grid\">\n"
            for map in grid.maps where map.metric == metric {
                body +=
                    SVGChart.heatMap(
                        map, xName: grid.xName, yName: grid.yName, xValues: grid.xValues, yValues: grid.yValues) + "\n"
            }
            body += "</div>\n"
        }
        body += "<h2>Cells</h2>\n" + cellsTable(results)
        return page(title: "Flywheel sweep — " + results.name, body: body)
    }

    static func cellsTable(_ results: SweepResults) -> String {
        let metrics = results.metrics
        var out =
            "<table><thead><tr><th>cell</th>" + results.parameterNames.map { "<th>\(HTML.escape($0))</th>" }.joined()
        out +=
            "<th>arm</th>" + metrics.map { "<th>\(HTML.escape($0)) final (95% CI)</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for cell in results.cells {
            let params = results.parameterNames.map { "<td>\(HTML.escape(cell.values[$0] ?? "–"))</td>" }.joined()
            guard cell.summary != nil else {
                out += "<tr><td>\(cell.index)</td>\(params)<td colspan=\"\(metrics.count + 1)\">incomplete</td></tr>\n"
                continue
            }
            for arm in results.arms {
                out += "<tr><td>\(cell.index)</td>\(params)<td>\(HTML.escape(arm))</td>"
                for metric in metrics {
                    let e = results.metric(metric, arm: arm, in: cell)?.end
                    out += "<td>\(e.map { SummaryTable.fmt($0.mean) + " " + SummaryTable.interval($0) } ?? "–")</td>"
                }
                out += "</tr>\n"
            }
        }
        return out + "</tbody></table>\n"
    }
}
