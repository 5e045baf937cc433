import Evaluation
import FlywheelCore

/// `report.html`: one self-contained page (inline CSS and SVG, no JavaScript, no network) with
/// learning curves per metric and 95% bands per arm, the deltas table, annotation and
/// agent-minute panels, per-persona panels, the knowledge-base gap timeline, cadence curves when
/// present, and example tickets with both replies and the agents' annotations. Every text is
/// HTML-escaped.
///
/// ```swift
/// let html = HTMLReport.render(ReportInput(run: "quickstart", scenarioHash: h, baseline: "frozen", rows: rows))
/// ```
public enum HTMLReport {
    public static func render(_ input: ReportInput) -> String {
        let summary = input.summary
        let arms = summary.arms.map(\.arm)
        let colors = Dictionary(
            uniqueKeysWithValues: arms.enumerated().map { ($1, SVGChart.palette[$0 % SVGChart.palette.count]) })
        let bands = Bands(rows: input.rows, axis: input.timeAxis)
        let xLabel = input.timeAxis.label
        let markers = arms.enumerated().flatMap { row, arm in
            input.decisions(arm).map {
                SVGChart.Marker(
                    x: input.timeAxis.weeks(arm, $0.iteration), row: row, color: colors[arm]!, deployed: $0.deployed)
            }
        }
        func chart(_ title: String, _ metric: String, from: Int = 0, markers: [SVGChart.Marker] = []) -> String? {
            let s = SVGChart.distinguished(arms.compactMap { bands.series($0, metric, color: colors[$0]!, from: from) })
            guard !s.isEmpty else { return nil }
            return SVGChart.lines(
                title: title, xLabel: xLabel, yLabel: EngineMetric.unit(of: metric), series: s, markers: markers) + "\n"
        }
        var body = "<h1>Flywheel report — \(HTML.escape(input.run))</h1>\n"
        body +=
            "<p class=\"meta\">scenario hash \(HTML.escape(input.scenarioHash)) · \(summary.replicates) replicate(s) · arms: \(arms.map(HTML.escape).joined(separator: ", "))\(input.baseline.map { " · baseline \(HTML.escape($0))" } ?? "")</p>\n"
        for note in input.notes { body += "<p class=\"note\">\(HTML.escape(note))</p>\n" }

        body +=
            "<h2>Learning curves</h2>\n<p>Mean over \(summary.replicates) replicates (n) per evaluation; the shaded band is the 95% t interval, clipped to the metric's range. Overlapping arms are told apart by line width and dash.</p>\n<div class=\"grid\">\n"
        for m in summary.headline { body += chart(m, m, markers: markers) ?? "" }
        body += "</div>\n"

        body += "<h2>Deltas</h2>\n" + deltasTable(summary)

        body += "<h2>Annotation volume and agent time</h2>\n<div class=\"grid\">\n"
        for kind in SignalKind.allCases {
            body +=
                chart("\(kind.rawValue) annotations per window", EngineMetric.annotations(kind).pattern, from: 1) ?? ""
        }
        for m in [EngineMetric.agentMinutes, .vendorMinutes].map(\.pattern) {
            // A panel that is zero everywhere (e.g. vendor minutes without a vendor arm) is left out.
            let s = arms.compactMap { bands.series($0, m, color: colors[$0]!, from: 1) }
            if s.contains(where: { $0.mean.contains { $0 != 0 } }) {
                body += chart(m.replacingUnderscores + " per window", m, from: 1) ?? ""
            }
        }
        body += "</div>\n"

        body += personaPanels(input.personas, colors: colors)

        body += "<h2>Knowledge-base gaps</h2>\n<div class=\"grid\">\n"
        for m in [EngineMetric.gapsOpen, .gapsClosed, .kbSize].map(\.pattern) {
            body += chart(m.replacingUnderscores, m) ?? ""
        }
        body += "</div>\n" + kbTimeline(input.kbEvents)

        if let cadence = input.cadence { body += cadencePanel(cadence) }

        body += "<h2>Example tickets</h2>\n" + examples(input.examples)
        body += resolvedScenario(input.scenarioJSON)
        return page(title: "Flywheel report — " + input.run, body: body)
    }

    static func headlineFirst(_ a: String, _ b: String) -> Bool { EngineMetric.tableOrder(a, b) }

    static func deltasTable(_ s: RunSummary) -> String {
        var out =
            "<table><thead><tr><th>arm</th><th>metric</th><th>iteration 0</th><th>final</th><th>Δ abs (95% CI, n=\(s.replicates))</th><th>Δ rel</th>"
        out += s.baseline.map { "<th>vs \(HTML.escape($0)) (95% CI, n=\(s.replicates))</th>" } ?? ""
        out += "</tr></thead><tbody>\n"
        for arm in s.arms {
            for m in arm.metrics where EngineMetric.isHeadline(m.metric) {
                let good = (m.versusBaseline?.lower ?? 0) > 0, bad = (m.versusBaseline?.upper ?? 0) < 0
                out +=
                    "<tr><td>\(HTML.escape(arm.arm))</td><td>\(HTML.escape(m.metric))</td><td>\(SummaryTable.fmt(m.start.mean))</td><td>\(SummaryTable.fmt(m.end.mean))</td>"
                out += "<td>\(SummaryTable.signed(m.change.mean)) \(SummaryTable.interval(m.change))</td>"
                out += "<td>\(m.relativeChange.map { SummaryTable.signed($0 * 100, digits: 1) + "%" } ?? "–")</td>"
                if s.baseline != nil {
                    let cls = good ? " class=\"up\"" : bad ? " class=\"down\"" : ""
                    out +=
                        "<td\(cls)>\(m.versusBaseline.map { SummaryTable.signed($0.mean) + " " + SummaryTable.interval($0) } ?? "baseline")</td>"
                }
                out += "</tr>\n"
            }
        }
        return out + "</tbody></table>\n"
    }

}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
