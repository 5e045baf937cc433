import FlywheelCore

/// `metrics.csv`: tidy rows `run,arm,replicate,iteration,metric,value`, sorted, with values in
/// Swift's shortest round-trip spelling so equal numbers give byte-identical files.
public enum MetricsCSV {
    public static let header = "run,arm,replicate,iteration,metric,value"

    public static func render(run: String, rows: [MetricRow]) -> String {
        var out = header + "\n"
        let sorted = rows.sorted {
            ($0.arm, $0.replicate, $0.iteration, $0.metric) < ($1.arm, $1.replicate, $1.iteration, $1.metric)
        }
        for r in sorted {
            out += "\(field(run)),\(field(r.arm)),\(r.replicate),\(r.iteration),\(field(r.metric)),\(r.value)\n"
        }
        return out
    }

    /// Quotes a CSV field when it holds a comma, quote or newline (RFC 4180).
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
