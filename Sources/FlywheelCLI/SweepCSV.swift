import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `sweep.csv`: one row per cell × arm × headline metric with the final value and its 95% CI
/// over replicates, the change from iteration 0, and the paired difference to the baseline arm;
/// the swept parameters are columns (named by key path), so a heat map needs no join.
///
/// ```
/// sweep,cell,hash,arms.aitl.cadence,arms.aitl.participation,arm,metric,replicates,iterations,final,final_lower,final_upper,change,change_lower,change_upper,vs_baseline,vs_baseline_lower,vs_baseline_upper
/// cadence,0,3f2a…,3d,0.5,aitl,recall@75,3,8,0.61,0.58,0.64,…
/// ```
enum SweepCSV {
    static let fixedColumns = ["sweep", "cell", "hash"]
    static let valueColumns = [
        "arm", "metric", "replicates", "iterations", "final", "final_lower", "final_upper", "change", "change_lower",
        "change_upper", "vs_baseline", "vs_baseline_lower", "vs_baseline_upper",
    ]

    /// Renders every complete sweep cell of `store`; incomplete cells are left out.
    static func render(store: ResultsStore) throws -> String {
        let cells = try store.sweepCells().filter { $0.status == "complete" }
        let decoded = try cells.map { row -> (ResultsStore.SweepCellRow, [String: JSONValue]) in
            let values = try JSONDecoder().decode([String: JSONValue].self, from: Data(row.parameters.utf8))
            return (row, values)
        }
        let parameters = Set(decoded.flatMap(\.1.keys)).sorted()
        var lines = [(fixedColumns + parameters + valueColumns).map(escape).joined(separator: ",")]
        for (row, values) in decoded {
            guard let json = try store.runScenario(name: row.hash) else { continue }
            let scenario = try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
            let summary = RunSummary(
                run: row.hash, scenarioHash: row.hash, baseline: scenario.baseline, rows: try store.metricRows(run: row.runID))
            for arm in summary.arms {
                for m in arm.metrics where RunSummary.headline.contains(m.metric) {
                    var fields = [row.sweep, "\(row.cell)", row.hash] + parameters.map { values[$0]?.plainText ?? "" }
                    fields += [arm.arm, m.metric, "\(summary.replicates)", "\(arm.iterations)"]
                    fields += estimate(m.end) + estimate(m.change) + (m.versusBaseline.map(estimate) ?? ["", "", ""])
                    lines.append(fields.map(escape).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func estimate(_ e: RunSummary.Estimate) -> [String] {
        [number(e.mean), e.lower.map(number) ?? "", e.upper.map(number) ?? ""]
    }

    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }

    /// RFC 4180 quoting for fields with commas, quotes or newlines.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
