import Evaluation
/// A short Markdown summary for pull-request comments: the headline metrics per arm with the
/// change and the difference to the baseline, and the cadence recommendation when present.
public enum MarkdownSummary {
    public static func render(_ input: ReportInput) -> String {
        let s = input.summary
        var out = "### Flywheel — \(escape(input.run))\n\n"
        out += "\(s.replicates) replicate(s), scenario hash `\(input.scenarioHash)`"
        out += input.baseline.map { ", baseline `\(escape($0))`" } ?? ""
        out +=
            "\n\n| arm | metric | iteration 0 | final | Δ (95% CI, n=\(s.replicates)) |"
            + (s.baseline != nil ? " vs baseline (95% CI, n=\(s.replicates)) |" : "") + "\n"
        out += "|---|---|---:|---:|---:|" + (s.baseline != nil ? "---:|" : "") + "\n"
        for arm in s.arms {
            for m in arm.metrics where EngineMetric.isHeadline(m.metric) {
                out +=
                    "| \(escape(arm.arm)) | \(escape(m.metric)) | \(SummaryTable.fmt(m.start.mean)) | \(SummaryTable.fmt(m.end.mean)) | \(SummaryTable.signed(m.change.mean)) \(SummaryTable.interval(m.change)) |"
                if s.baseline != nil {
                    let v = m.versusBaseline.map { v in
                        let mark = (v.lower ?? 0) > 0 ? " ▲" : (v.upper ?? 0) < 0 ? " ▼" : ""
                        return SummaryTable.signed(v.mean) + " " + SummaryTable.interval(v) + mark
                    }
                    out += " \(v ?? "baseline") |"
                }
                out += "\n"
            }
        }
        let notes = SummaryTable.footnotes(s)
        if !notes.isEmpty { out += "\n" + notes }
        if let c = input.cadence {
            out +=
                "\n**Cadence:** recommended `\(escape(c.recommended))`, ahead of the runner-up by \(SummaryTable.fmt(c.margin, digits: 0)) net value.\n"
        }
        return out
    }

    /// Escapes the characters Markdown tables and inline HTML would interpret.
    static func escape(_ s: String) -> String {
        HTML.escape(s).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
