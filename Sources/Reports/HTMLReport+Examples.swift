import FlywheelCore

extension HTMLReport {
    static func kbTimeline(_ events: [KBEvent.WindowRow]) -> String {
        guard !events.isEmpty else { return "<p class=\"empty\">No knowledge-base events recorded.</p>\n" }
        let first = events.map(\.job.replicate).min()!
        let shown = events.filter { $0.job.replicate == first }
            .sorted { ($0.event.time, $0.job.arm, $0.event.article) < ($1.event.time, $1.job.arm, $1.event.article) }
        var out = "<p>Knowledge-base events of replicate \(first) (first 40 of \(shown.count)).</p>\n"
        out +=
            "<table><thead><tr><th>time</th><th>arm</th><th>iteration</th><th>event</th><th>article</th><th>flags</th></tr></thead><tbody>\n"
        for e in shown.prefix(40) {
            out +=
                "<tr><td>\(HTML.escape(e.event.time.iso8601))</td><td>\(HTML.escape(e.job.arm))</td><td>\(e.iteration)</td><td>\(HTML.escape(e.event.kind.rawValue))</td><td>\(HTML.escape(e.event.article))</td><td>\(e.event.flags)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func examples(_ examples: [ReportInput.Example]) -> String {
        guard !examples.isEmpty else { return "<p class=\"empty\">No annotated tickets in the store.</p>\n" }
        var out =
            "<p>The ticket, the two replies the agent was shown (A: the deployed policy, B: the challenger) and the annotations the agents gave.</p>\n"
        for e in examples {
            out +=
                "<div class=\"example\"><h3>\(HTML.escape(e.ticket)) <span class=\"meta\">arm \(HTML.escape(e.arm)), iteration \(e.iteration)</span></h3>\n"
            out += "<blockquote>\(HTML.escape(e.text))</blockquote>\n"
            if e.replyA != nil || e.replyB != nil {
                out += "<div class=\"reply\">"
                for (name, text) in [("Reply A", e.replyA), ("Reply B", e.replyB)] {
                    out +=
                        "<div><h4>\(name)</h4><blockquote>\(text.map(HTML.escape) ?? "<span class=\"empty\">not logged</span>")</blockquote></div>"
                }
                out += "</div>\n"
            } else {
                out += "<p class=\"empty\">The replies were not logged for this ticket.</p>\n"
            }
            out += "<ul>\n"
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

    /// The resolved scenario the run used, pretty-printed and collapsed (`<details>`, no script).
    static func resolvedScenario(_ json: String?) -> String {
        guard let json else { return "" }
        let shown = ScenarioText.pretty(json)
        return
            "<h2>Scenario</h2>\n<details><summary>The resolved scenario (every default filled in), as stored with the run</summary>\n<pre class=\"scenario\">\(HTML.escape(shown))</pre></details>\n"
    }
}
