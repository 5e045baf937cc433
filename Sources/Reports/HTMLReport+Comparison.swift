import Evaluation
/// The comparison page `flywheel report A B … --out F` writes: every run's curves on shared axes
/// (colour = run, dash = arm), then a difference panel per later run (run − the first, paired
/// by replicate, with 95% bands) and a table of final values and paired final differences.
extension HTMLReport {
    public static func renderComparison(_ runs: [(label: String, input: ReportInput)]) -> String {
        guard let first = runs.first else {
            return page(title: "Flywheel comparison", body: "<p class=\"empty\">No runs.</p>")
        }
        let arms = orderedUnion(runs.map { $0.input.summary.arms.map(\.arm) })
        let metrics = EngineMetric.headline(among: runs.flatMap { $0.input.rows.map(\.metric) })
        let runColor = { (i: Int) in SVGChart.palette[i % SVGChart.palette.count] }
        var body = "<h1>Flywheel comparison — \(runs.map { HTML.escape($0.label) }.joined(separator: " vs "))</h1>\n"
        body +=
            "<table><thead><tr><th>run</th><th>results</th><th>scenario hash</th><th>replicates</th><th>arms</th></tr></thead><tbody>\n"
        for (i, r) in runs.enumerated() {
            body +=
                "<tr><td><span style=\"color:\(runColor(i))\">■</span> \(HTML.escape(r.label))</td><td>\(HTML.escape(r.input.run))</td><td>\(HTML.escape(r.input.scenarioHash))</td><td>\(r.input.summary.replicates)</td><td>\(r.input.summary.arms.map { HTML.escape($0.arm) }.joined(separator: ", "))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        for r in runs {
            for note in r.input.notes {
                body += "<p class=\"note\">\(HTML.escape(r.label)): \(HTML.escape(note))</p>\n"
            }
        }

        body +=
            "<h2>Learning curves on shared axes</h2>\n<p>Colour = run, dash = arm; bands are 95% t intervals over each run's replicates.</p>\n<div class=\"grid\">\n"
        for m in metrics {
            var series: [SVGChart.Series] = []
            for (i, r) in runs.enumerated() {
                let bands = Bands(rows: r.input.rows, axis: r.input.timeAxis)
                for (j, arm) in arms.enumerated() {
                    guard var s = bands.series(arm, m, color: runColor(i)) else { continue }
                    s.name = "\(r.label) · \(arm)"
                    s.dash = SVGChart.dashes[j % SVGChart.dashes.count]
                    s.width = max(1.4, 3.0 - 0.8 * Double(i))
                    series.append(s)
                }
            }
            if !series.isEmpty {
                body +=
                    SVGChart.lines(
                        title: m, xLabel: first.input.timeAxis.label, yLabel: EngineMetric.unit(of: m), series: series,
                        width: 520, height: 280) + "\n"
            }
        }
        body += "</div>\n"

        for (k, r) in runs.enumerated().dropFirst() {
            body += "<h2>Difference: \(HTML.escape(r.label)) − \(HTML.escape(first.label))</h2>\n"
            body +=
                "<p>Paired by replicate (the same seed gives both runs the same tickets, held-out set and agents): the mean over replicates of the difference at each evaluation, with its 95% t interval. Above 0: \(HTML.escape(r.label)) is ahead.</p>\n<div class=\"grid\">\n"
            for m in metrics {
                let series = SVGChart.distinguished(
                    arms.enumerated().compactMap { j, arm -> SVGChart.Series? in
                        guard let gap = CurveGap(from: first.input.rows, to: r.input.rows, arm: arm, metric: m) else {
                            return nil
                        }
                        return SVGChart.Series(
                            name: arm, color: SVGChart.palette[(j + k) % SVGChart.palette.count],
                            x: gap.perIteration.indices.map { first.input.timeAxis.weeks(arm, $0) },
                            mean: gap.perIteration.map(\.mean),
                            lower: gap.perIteration.map(\.lower), upper: gap.perIteration.map(\.upper))
                    })
                if !series.isEmpty {
                    body +=
                        SVGChart.lines(
                            title: "Δ \(m)", xLabel: first.input.timeAxis.label, yLabel: EngineMetric.unit(of: m),
                            series: series,
                            references: [(0, "no difference")]) + "\n"
                }
            }
            body += "</div>\n"
        }

        body += "<h2>Final values</h2>\n" + comparisonTable(runs, arms: arms, metrics: metrics)
        return page(title: "Flywheel comparison", body: body)
    }

    static func comparisonTable(_ runs: [(label: String, input: ReportInput)], arms: [String], metrics: [String])
        -> String
    {
        guard let first = runs.first else { return "" }
        var out =
            "<table><thead><tr><th>arm</th><th>metric</th>"
            + runs.map { "<th>\(HTML.escape($0.label)) final (95% CI)</th>" }.joined()
        out +=
            runs.dropFirst().map { "<th>\(HTML.escape($0.label)) − \(HTML.escape(first.label)) (paired 95% CI)</th>" }
            .joined() + "</tr></thead><tbody>\n"
        for arm in arms {
            for m in metrics {
                out += "<tr><td>\(HTML.escape(arm))</td><td>\(HTML.escape(m))</td>"
                for r in runs {
                    let e = r.input.summary.arms.first { $0.arm == arm }?.metrics.first { $0.metric == m }?.end
                    out += "<td>\(e.map { SummaryTable.fmt($0.mean) + " " + SummaryTable.interval($0) } ?? "–")</td>"
                }
                for r in runs.dropFirst() {
                    let gap = CurveGap(from: first.input.rows, to: r.input.rows, arm: arm, metric: m)
                    let cls =
                        (gap?.final.lower ?? 0) > 0
                        ? " class=\"up\"" : (gap?.final.upper ?? 0) < 0 ? " class=\"down\"" : ""
                    out +=
                        "<td\(cls)>\(gap.map { SummaryTable.signed($0.final.mean) + " " + SummaryTable.interval($0.final) } ?? "–")</td>"
                }
                out += "</tr>\n"
            }
        }
        return out + "</tbody></table>\n"
    }

    /// The union of `lists` in first-seen order.
    static func orderedUnion(_ lists: [[String]]) -> [String] {
        var out: [String] = []
        for list in lists { for x in list where !out.contains(x) { out.append(x) } }
        return out
    }
}
