import Evaluation
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
        "change_upper", "vs_baseline", "vs_baseline_lower", "vs_baseline_upper"
    ]

    /// Renders every complete sweep cell of `store`; incomplete cells are left out.
    static func render(store: ResultsStore) throws -> String { render(try sweeps(in: store)) }

    /// Every sweep recorded in `store`, by name; `scenarios` and `summaries` as for
    /// ``SweepResults/load(store:sweep:scenarios:summaries:)``.
    static func sweeps(
        in store: ResultsStore, scenarios: [String: Scenario] = [:], summaries: [String: RunSummary] = [:]
    ) throws -> [SweepResults] {
        let names = Set(try store.sweepCells().map(\.sweep)).sorted()
        return try names.map {
            try SweepResults.load(store: store, sweep: $0, scenarios: scenarios, summaries: summaries)
        }
    }

    /// One CSV for one or more sweeps (a merged store may hold several); parameter columns are
    /// the union of their swept key paths.
    static func render(_ sweeps: [SweepResults]) -> String {
        let parameters = Set(sweeps.flatMap(\.parameterNames)).sorted()
        var lines = [(fixedColumns + parameters + valueColumns).map(escape).joined(separator: ",")]
        for results in sweeps {
            for cell in results.complete {
                let summary = cell.summary!
                for arm in summary.arms {
                    for m in arm.metrics where EngineMetric.isHeadline(m.metric) {
                        var fields =
                            [results.name, "\(cell.index)", cell.hash] + parameters.map { cell.values[$0] ?? "" }
                        fields += [arm.arm, m.metric, "\(summary.replicates)", "\(arm.iterations)"]
                        fields +=
                            estimate(m.end) + estimate(m.change) + (m.versusBaseline.map(estimate) ?? ["", "", ""])
                        lines.append(fields.map(escape).joined(separator: ","))
                    }
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
