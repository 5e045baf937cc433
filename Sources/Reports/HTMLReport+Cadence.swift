import Evaluation
extension HTMLReport {
    /// The cadence panel: each cadence's mean curve with its 95% band, the 90%-of-best-gain line,
    /// and the table with P(best) and the margin's paired interval.
    static func cadencePanel(_ c: CadenceStudy) -> String {
        var margin = SummaryTable.fmt(c.margin, digits: 0)
        if let l = c.marginLower, let u = c.marginUpper {
            margin += " (paired 95% CI [\(CadenceStudy.whole(l)), \(CadenceStudy.whole(u))])"
        }
        var out = "<h2>Cadence</h2>\n<p>Recommended cadence: <strong>\(HTML.escape(c.recommended))</strong>"
        out += c.runnerUp.map { ", ahead of \(HTML.escape($0)) by \(margin) in net value" } ?? ""
        out +=
            c.recommended == CadenceStudy.noLoopLabel
            ? " — not running the loop beats every cadence under this cost model" : ""
        out +=
            ". Time to 90% = weeks until the mean \(HTML.escape(c.metric)) first gains 90% of the best cadence's final gain (\(SummaryTable.signed(c.bestFinalGain))); the dotted line marks that level.</p>\n"
        let series = SVGChart.distinguished(
            c.rows.enumerated().map { i, r in
                SVGChart.Series(
                    name: r.cadence, color: SVGChart.palette[i % SVGChart.palette.count],
                    x: r.curve.indices.map { Double($0) * c.weeksPerIteration }, mean: r.curve,
                    lower: r.curveLower ?? [], upper: r.curveUpper ?? [])
            })
        let start = c.rows.first?.curve.first
        let references =
            c.bestFinalGain > 0 ? start.map { [($0 + 0.9 * c.bestFinalGain, "90% of the best gain")] } ?? [] : []
        out +=
            "<div class=\"grid\">"
            + SVGChart.lines(
                title: "\(c.metric) by cadence (95% bands)", xLabel: "weeks since the start",
                yLabel: EngineMetric.unit(of: c.metric),
                series: series, references: references, width: 640, height: 320) + "</div>\n"
        out +=
            "<table><thead><tr><th>cadence</th><th>weeks to 90%</th><th>final \(HTML.escape(c.metric)) (95% CI)</th><th>retrains</th><th>agent minutes</th><th>net value</th><th>P(best)</th></tr></thead><tbody>\n"
        for r in c.rows {
            let e = r.finals[c.metric]
            out +=
                "<tr\(r.cadence == c.recommended ? " class=\"up\"" : "")><td>\(HTML.escape(r.cadence))</td><td>\(r.weeksTo90.map { SummaryTable.fmt($0, digits: 1) } ?? "never")</td>"
            out +=
                "<td>\(e.map { SummaryTable.fmt($0.mean) + " " + SummaryTable.interval($0) } ?? "–")</td><td>\(CadenceStudy.count(r.retrains))</td>"
            out += "<td>\(CadenceStudy.whole(r.agentMinutes))</td><td>\(CadenceStudy.whole(r.netValue))</td>"
            out += "<td>\(r.probabilityBest.map { SummaryTable.fmt($0, digits: 2) } ?? "–")</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if let resamples = c.resamples, let n = c.replicates {
            out +=
                "<p class=\"meta\">P(best): share of \(resamples) bootstrap resamples of the \(n) replicate(s) (fixed seed) in which the row has the highest mean net value.</p>\n"
        }
        return out
    }
}
