import Evaluation
import FlywheelCore

/// `report.html`: one self-contained page (inline CSS and SVG, no JavaScript, no network) with
/// learning curves per metric and 95% bands per arm, the deltas table, annotation and
/// agent-minute panels, the knowledge-base gap timeline, sweep heat maps and cadence curves when
/// present, and example tickets with the agents' annotations. Every text is HTML-escaped.
///
/// ```swift
/// let html = HTMLReport.render(ReportInput(run: "quickstart", scenarioHash: h, baseline: "frozen", rows: rows))
/// ```
public enum HTMLReport {
    public static func render(_ input: ReportInput) -> String {
        let summary = input.summary
        let arms = summary.arms.map(\.arm)
        let colors = Dictionary(uniqueKeysWithValues: arms.enumerated().map { ($1, SVGChart.palette[$0 % SVGChart.palette.count]) })
        let bands = Bands(rows: input.rows)
        var body = "<h1>Flywheel report — \(HTML.escape(input.run))</h1>\n"
        body += "<p class=\"meta\">scenario hash \(HTML.escape(input.scenarioHash)) · \(summary.replicates) replicate(s) · arms: \(arms.map(HTML.escape).joined(separator: ", "))\(input.baseline.map { " · baseline \(HTML.escape($0))" } ?? "")</p>\n"
        for note in input.notes { body += "<p class=\"note\">\(HTML.escape(note))</p>\n" }

        body += "<h2>Learning curves</h2>\n<p>Mean over \(input.summary.replicates) replicates (n) per evaluation; the shaded band is the 95% t interval, clipped to the metric's range.</p>\n<div class=\"grid\">\n"
        let metrics = RunSummary.headline.filter { m in arms.contains { bands.has($0, m) } }
        for m in metrics {
            body += SVGChart.lines(title: m, xLabel: "iteration", series: arms.compactMap { bands.series($0, m, color: colors[$0]!) }) + "\n"
        }
        body += "</div>\n"

        body += "<h2>Deltas</h2>\n" + deltasTable(summary)

        body += "<h2>Annotation volume and agent time</h2>\n<div class=\"grid\">\n"
        for kind in SignalKind.allCases {
            let m = "annotations_\(kind.rawValue)"
            let s = arms.compactMap { bands.series($0, m, color: colors[$0]!, from: 1) }
            if !s.isEmpty { body += SVGChart.lines(title: "\(kind.rawValue) annotations per window", xLabel: "iteration", series: s) + "\n" }
        }
        for m in ["agent_minutes", "vendor_minutes"] {
            let s = arms.compactMap { bands.series($0, m, color: colors[$0]!, from: 1) }
            // A panel that is zero everywhere (e.g. vendor minutes without a vendor arm) is left out.
            if s.contains(where: { $0.mean.contains { $0 != 0 } }) {
                body += SVGChart.lines(title: m.replacingUnderscores + " per window", xLabel: "iteration", series: s) + "\n"
            }
        }
        body += "</div>\n"

        body += "<h2>Knowledge-base gaps</h2>\n<div class=\"grid\">\n"
        for m in ["gaps_open", "gaps_closed", "kb_size"] {
            let s = arms.compactMap { bands.series($0, m, color: colors[$0]!) }
            if !s.isEmpty { body += SVGChart.lines(title: m.replacingUnderscores, xLabel: "iteration", series: s) + "\n" }
        }
        body += "</div>\n" + kbTimeline(input.kbEvents)

        if let sweep = input.sweep {
            body += "<h2>Sweep</h2>\n<div class=\"grid\">\n"
            for m in sweep.cells.keys.sorted(by: headlineFirst) {
                body += SVGChart.heatMap(
                    title: m, xName: sweep.xName, yName: sweep.yName, xValues: sweep.xValues, yValues: sweep.yValues,
                    cells: sweep.cells[m]!) + "\n"
            }
            body += "</div>\n"
        }

        if let cadence = input.cadence { body += cadencePanel(cadence) }

        body += "<h2>Example tickets</h2>\n" + examples(input.examples)
        return page(title: "Flywheel report — " + input.run, body: body)
    }

    static func headlineFirst(_ a: String, _ b: String) -> Bool {
        let ia = RunSummary.headline.firstIndex(of: a) ?? Int.max, ib = RunSummary.headline.firstIndex(of: b) ?? Int.max
        return ia != ib ? ia < ib : a < b
    }

    static func deltasTable(_ s: RunSummary) -> String {
        var out = "<table><thead><tr><th>arm</th><th>metric</th><th>iteration 0</th><th>final</th><th>Δ abs (95% CI, n=\(s.replicates))</th><th>Δ rel</th>"
        out += s.baseline.map { "<th>vs \(HTML.escape($0)) (95% CI, n=\(s.replicates))</th>" } ?? ""
        out += "</tr></thead><tbody>\n"
        for arm in s.arms {
            for m in arm.metrics where RunSummary.headline.contains(m.metric) {
                let good = (m.versusBaseline?.lower ?? 0) > 0, bad = (m.versusBaseline?.upper ?? 0) < 0
                out += "<tr><td>\(HTML.escape(arm.arm))</td><td>\(HTML.escape(m.metric))</td><td>\(SummaryTable.fmt(m.start.mean))</td><td>\(SummaryTable.fmt(m.end.mean))</td>"
                out += "<td>\(SummaryTable.signed(m.change.mean)) \(SummaryTable.interval(m.change))</td>"
                out += "<td>\(m.relativeChange.map { SummaryTable.signed($0 * 100, digits: 1) + "%" } ?? "–")</td>"
                if s.baseline != nil {
                    let cls = good ? " class=\"up\"" : bad ? " class=\"down\"" : ""
                    out += "<td\(cls)>\(m.versusBaseline.map { SummaryTable.signed($0.mean) + " " + SummaryTable.interval($0) } ?? "baseline")</td>"
                }
                out += "</tr>\n"
            }
        }
        return out + "</tbody></table>\n"
    }

    static func kbTimeline(_ events: [ReportInput.KBEvent]) -> String {
        guard !events.isEmpty else { return "<p class=\"empty\">No knowledge-base events recorded.</p>\n" }
        let shown = events.filter { $0.replicate == events.map(\.replicate).min()! }
            .sorted { ($0.time, $0.arm, $0.article) < ($1.time, $1.arm, $1.article) }
        var out = "<p>Knowledge-base events of replicate \(shown.first!.replicate) (first 40 of \(shown.count)).</p>\n"
        out += "<table><thead><tr><th>time</th><th>arm</th><th>iteration</th><th>event</th><th>article</th><th>flags</th></tr></thead><tbody>\n"
        for e in shown.prefix(40) {
            out += "<tr><td>\(HTML.escape(e.time))</td><td>\(HTML.escape(e.arm))</td><td>\(e.iteration)</td><td>\(HTML.escape(e.event))</td><td>\(HTML.escape(e.article))</td><td>\(e.flags)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func cadencePanel(_ c: CadenceStudy) -> String {
        var out = "<h2>Cadence</h2>\n<p>Recommended cadence: <strong>\(HTML.escape(c.recommended))</strong>, ahead of the runner-up by \(SummaryTable.fmt(c.margin, digits: 0)) in net value. Time to 90% = weeks until the mean \(HTML.escape(c.metric)) first gains 90% of the best cadence's final gain (\(SummaryTable.signed(c.bestFinalGain))).</p>\n"
        let series = c.rows.enumerated().map { i, r in
            SVGChart.Series(
                name: r.cadence, color: SVGChart.palette[i % SVGChart.palette.count],
                x: r.curve.indices.map { Double($0) * c.weeksPerIteration }, mean: r.curve)
        }
        out += "<div class=\"grid\">" + SVGChart.lines(title: "\(c.metric) by cadence", xLabel: "weeks", series: series) + "</div>\n"
        out += "<table><thead><tr><th>cadence</th><th>weeks to 90%</th><th>final \(HTML.escape(c.metric)) (95% CI)</th><th>retrains</th><th>agent minutes</th><th>net value</th></tr></thead><tbody>\n"
        for r in c.rows {
            let e = r.finals[c.metric]
            out += "<tr\(r.cadence == c.recommended ? " class=\"up\"" : "")><td>\(HTML.escape(r.cadence))</td><td>\(r.weeksTo90.map { SummaryTable.fmt($0, digits: 1) } ?? "never")</td>"
            out += "<td>\(e.map { SummaryTable.fmt($0.mean) + " " + SummaryTable.interval($0) } ?? "–")</td><td>\(SummaryTable.fmt(r.retrains, digits: 1))</td>"
            out += "<td>\(SummaryTable.fmt(r.agentMinutes, digits: 0))</td><td>\(SummaryTable.fmt(r.netValue, digits: 0))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func examples(_ examples: [ReportInput.Example]) -> String {
        guard !examples.isEmpty else { return "<p class=\"empty\">No annotated tickets in the store.</p>\n" }
        var out = "<p>Replies A and B are not stored by the engine, so only the ticket and the agent's annotations are shown.</p>\n"
        for e in examples {
            out += "<div class=\"example\"><h3>\(HTML.escape(e.ticket)) <span class=\"meta\">arm \(HTML.escape(e.arm)), iteration \(e.iteration)</span></h3>\n"
            out += "<blockquote>\(HTML.escape(e.text))</blockquote>\n<ul>\n"
            for a in e.annotations {
                var line = "<li><b>\(HTML.escape(a.kind))</b> by \(HTML.escape(a.agent)): \(HTML.escape(a.label))"
                if let article = a.article {
                    line += " — \(HTML.escape(article))"
                    if let title = e.articleTitles[article] { line += " “\(HTML.escape(title))”" }
                }
                if let d = a.detail, !d.isEmpty { line += " <i>\(HTML.escape(d))</i>" }
                out += line + "</li>\n"
            }
            out += "</ul></div>\n"
        }
        return out
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1360px;color:#222;padding:0 16px}
        h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}h3{font-size:14px;margin:4px 0}
        .meta{color:#666;font-size:12px}.note{background:#fff8e0;padding:6px 10px;border-left:3px solid #e0b000}
        .grid{display:flex;flex-wrap:wrap;gap:12px}.chart{background:#fff;border:1px solid #e4e4e4}
        .chart .title{font-size:13px;font-weight:600}.chart .tick{font-size:10px;fill:#555}.chart .axis{font-size:11px;fill:#333}
        .chart .legend{font-size:11px}.chart .plot{fill:#fcfcfc;stroke:#ccc}.chart .grid{stroke:#eee}.chart .cell{font-size:10px}
        table{border-collapse:collapse;font-size:12px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
        td:first-child,td:nth-child(2),th{text-align:left}thead{background:#f4f4f4}.up{background:#e8f6e8}.down{background:#fbe9e9}
        .example{border:1px solid #e4e4e4;padding:8px 12px;margin:8px 0}blockquote{margin:6px 0;padding:6px 10px;background:#f7f7f7;white-space:pre-wrap}
        .empty{color:#888}
        </style></head>
        <body>
        \(body)
        </body></html>

        """
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

/// Per arm × metric × iteration: mean and 95% t interval over replicates.
struct Bands {
    var values: [String: [String: [Int: [Int: Double]]]] = [:]
    init(rows: [MetricRow]) {
        for r in rows { values[r.arm, default: [:]][r.metric, default: [:]][r.replicate, default: [:]][r.iteration] = r.value }
    }
    func has(_ arm: String, _ metric: String) -> Bool { values[arm]?[metric] != nil }

    /// The chart series of `arm` × `metric` from iteration `from`; nil when absent.
    func series(_ arm: String, _ metric: String, color: String, from: Int = 0) -> SVGChart.Series? {
        guard let by = values[arm]?[metric] else { return nil }
        let width = by.values.map(\.count).min() ?? 0
        guard width > from else { return nil }
        var s = SVGChart.Series(name: arm, color: color, x: [], mean: [])
        for i in from..<width {
            let xs = by.keys.sorted().compactMap { by[$0]![i] }
            guard let e = MeanEstimate(xs) else { continue }
            // bands never leave the metric's range
            let band = e.interval?.clipped(to: MetricRange.of(metric)).interval
            s.x.append(Double(i))
            s.mean.append(e.mean)
            s.lower.append(band?.lower)
            s.upper.append(band?.upper)
        }
        return s
    }
}
