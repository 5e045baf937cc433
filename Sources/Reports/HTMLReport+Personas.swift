import FlywheelCore

extension HTMLReport {
    /// The per-persona panels: annotations and agent minutes per replicate, and agreement with
    /// the truth (relevance marks, A/B choices), one bar per arm; then the table they are drawn from.
    static func personaPanels(_ tallies: [PersonaTally], colors: [String: String]) -> String {
        var out = "<h2>Agents by persona</h2>\n"
        guard !tallies.isEmpty else {
            return out
                + "<p class=\"empty\">No collected agent feedback in the store's annotation log (a sweep's cells keep no log), so no per-persona panels.</p>\n"
        }
        let arms = Array(Set(tallies.map(\.arm))).sorted()
        let personas = Array(Set(tallies.map(\.persona))).sorted()
        let replicates = tallies.map(\.replicates).max() ?? 1
        func row(_ arm: String, _ persona: String) -> PersonaTally? {
            tallies.first { $0.arm == arm && $0.persona == persona }
        }
        func series(_ value: (PersonaTally) -> Double?) -> [SVGChart.BarSeries] {
            arms.map { arm in
                SVGChart.BarSeries(
                    name: arm, color: colors[arm] ?? SVGChart.palette[0],
                    values: personas.map { row(arm, $0).flatMap(value) })
            }
        }
        let percent: (Double) -> String = { SummaryTable.fmt($0 * 100, digits: 1) + "%" }
        out +=
            "<p>From the run's annotation logs, mean per replicate (n=\(replicates)), counting the feedback each arm collects (an arm that does not retrain, or learns from vendor labels, collects none from agents and is not shown). Agreement with the truth: a relevance mark agrees when it matches the corpus' graded relevance (relevant ⇔ grade &gt; 0); an A/B choice agrees when it picks the reply the judge scores higher (ties, both-bad and equal-quality pairs are not judged). The models never see these figures.</p>\n<div class=\"grid\">\n"
        out +=
            SVGChart.bars(
                title: "annotations per replicate", unit: "annotations", categories: personas,
                series: series { $0.annotationsPerReplicate }) + "\n"
        out +=
            SVGChart.bars(
                title: "agent minutes per replicate", unit: "agent minutes", categories: personas,
                series: series { $0.minutesPerReplicate }) + "\n"
        out +=
            SVGChart.bars(
                title: "relevance marks agreeing with the truth", unit: "share of judged marks", categories: personas,
                series: series { $0.relevance.rate }, top: 1, format: percent) + "\n"
        out +=
            SVGChart.bars(
                title: "A/B choices agreeing with the judge", unit: "share of judged choices", categories: personas,
                series: series { $0.preference.rate }, top: 1, format: percent) + "\n"
        out += "</div>\n" + personaTable(tallies)
        return out
    }

    static func personaTable(_ tallies: [PersonaTally]) -> String {
        var out = "<table><thead><tr><th>arm</th><th>persona</th>"
        for kind in SignalKind.allCases { out += "<th>\(kind.rawValue)</th>" }
        out +=
            "<th>agent minutes</th><th>relevance agreement (judged)</th><th>A/B agreement (judged)</th></tr></thead><tbody>\n"
        func agreement(_ a: PersonaTally.Agreement) -> String {
            a.rate.map { SummaryTable.fmt($0 * 100, digits: 1) + "% (\(a.judged))" } ?? "–"
        }
        for t in tallies {
            out += "<tr><td>\(HTML.escape(t.arm))</td><td>\(HTML.escape(t.persona))</td>"
            for kind in SignalKind.allCases {
                out +=
                    "<td>\(SummaryTable.fmt(Double(t.counts[kind, default: 0]) / Double(max(1, t.replicates)), digits: 1))</td>"
            }
            out +=
                "<td>\(SummaryTable.fmt(t.minutesPerReplicate, digits: 1))</td><td>\(agreement(t.relevance))</td><td>\(agreement(t.preference))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
