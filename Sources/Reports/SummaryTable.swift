/// The end-of-run table: one block per arm, one line per headline metric.
public enum SummaryTable {
    /// `metrics`: the metrics shown (default the run's headline metrics, ``RunSummary/headline``).
    public static func render(_ summary: RunSummary, metrics: [String]? = nil) -> String {
        let metrics = metrics ?? summary.headline
        var out = ""
        let n = "n=\(summary.replicates)"
        let header =
            ["metric", "iter 0", "final", "Δ abs", "Δ rel", "final 95% CI, \(n)"]
            + (summary.baseline.map { ["vs \($0) (95% CI, \(n))"] } ?? [])
        for arm in summary.arms {
            out += "\narm \(arm.arm) — \(arm.iterations) iterations, \(summary.replicates) replicate(s)\n"
            var rows = [header]
            for m in arm.metrics where metrics.contains(m.metric) {
                var row = [
                    m.metric, fmt(m.start.mean), fmt(m.end.mean), signed(m.change.mean),
                    m.relativeChange.map { signed($0 * 100, digits: 1) + "%" } ?? "–", interval(m.end)
                ]
                if summary.baseline != nil {
                    row.append(m.versusBaseline.map { signed($0.mean) + " " + interval($0) } ?? "baseline")
                }
                rows.append(row)
            }
            out += layout(rows)
        }
        out += footnotes(summary)
        return out
    }

    /// The notes every table of intervals ends with: clipping and too few replicates.
    public static func footnotes(_ summary: RunSummary) -> String {
        var out = ""
        let clipped = summary.arms.contains { arm in
            arm.metrics.contains { $0.end.clipped || $0.change.clipped || ($0.versusBaseline?.clipped ?? false) }
        }
        if clipped { out += "* interval clipped to the range the metric can take\n" }
        if summary.replicates < 3 {
            out +=
                "warning: \(summary.replicates) replicate(s): t intervals over fewer than 3 replicates are very wide or absent; use replicates ≥ 3\n"
        }
        return out
    }

    static func layout(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == 0
                    ? cell + String(repeating: " ", count: widths[c] - cell.count)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func fmt(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        } else {
            s += "." + String(repeating: "0", count: digits)
        }
        return s
    }

    static func signed(_ x: Double, digits: Int = 4) -> String { (x >= 0 ? "+" : "") + fmt(x, digits: digits) }

    static func interval(_ e: RunSummary.Estimate) -> String {
        guard let l = e.lower, let u = e.upper else { return "[n/a]" }
        return "[\(fmt(l)), \(fmt(u))]" + (e.clipped ? "*" : "")
    }
}
