/// The table `flywheel sweep` ends with: one line per cell × arm, the swept values, and the
/// final mean of each headline metric (and the difference to the baseline arm for the main
/// one). The 95% intervals are in `sweep.csv` and the sweep report.
public enum SweepCellTable {
    /// The metric whose difference to the baseline gets its own column.
    public static let keyMetric = "adoption"

    public static func render(_ results: SweepResults) -> String {
        let metrics = results.metrics
        let versus = results.baseline.flatMap { b in metrics.contains(keyMetric) ? "\(keyMetric) vs \(b)" : nil }
        var rows = [["cell"] + results.parameterNames + ["arm"] + metrics + (versus.map { [$0] } ?? [])]
        for cell in results.cells {
            let params = results.parameterNames.map { cell.values[$0] ?? "–" }
            guard cell.summary != nil else {
                rows.append(
                    ["\(cell.index)"] + params + ["incomplete"]
                        + Array(repeating: "", count: rows[0].count - params.count - 2))
                continue
            }
            for arm in results.arms {
                var row = ["\(cell.index)"] + params + [arm]
                row += metrics.map { m in
                    results.metric(m, arm: arm, in: cell).map { SummaryTable.fmt($0.end.mean) } ?? "–"
                }
                if versus != nil {
                    row.append(
                        results.metric(keyMetric, arm: arm, in: cell)?.versusBaseline.map {
                            SummaryTable.signed($0.mean)
                        } ?? "–")
                }
                rows.append(row)
            }
        }
        let n = results.replicates
        return SummaryTable.layout(rows)
            + "final values: mean over \(n) replicate(s) at the last evaluation; 95% CIs in sweep.csv and `flywheel report`\n"
    }
}
