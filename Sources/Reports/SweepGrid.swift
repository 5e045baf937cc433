/// A sweep's results for the report's heat map: two swept parameters and one value per cell.
///
/// Input format (`sweep.csv`, documented in docs/notes/checks.md): a CSV with a header; the
/// columns `metric` and `value` are required; every other column except `cell`, `hash`, `arm`,
/// `replicate`, `iteration` and `run` is a swept parameter. The first two parameter columns are
/// the heat map's axes; values of rows sharing (x, y, metric) are averaged. Rows may carry an
/// `arm` column: only `arm` (when given) is kept.
public struct SweepGrid: Sendable {
    public var xName: String
    public var yName: String
    public var xValues: [String]
    public var yValues: [String]
    /// metric → cells[y][x]
    public var cells: [String: [[Double?]]]

    static let reserved: Set<String> = ["cell", "hash", "arm", "replicate", "iteration", "run", "metric", "value"]

    /// Parses `sweep.csv`; nil when it has fewer than two parameter columns.
    public static func parse(csv: String, arm: String? = nil) -> SweepGrid? {
        let lines = csv.split(whereSeparator: \.isNewline).map { splitCSV(String($0)) }
        guard let header = lines.first, let mi = header.firstIndex(of: "metric"), let vi = header.firstIndex(of: "value") else { return nil }
        let params = header.indices.filter { !reserved.contains(header[$0]) }
        guard params.count >= 2 else { return nil }
        let ai = header.firstIndex(of: "arm")
        let (xi, yi) = (params[0], params[1])
        var sums: [String: [String: [String: (Double, Int)]]] = [:]
        var xs: [String] = [], ys: [String] = []
        for row in lines.dropFirst() where row.count == header.count {
            if let arm, let ai, row[ai] != arm { continue }
            guard let v = Double(row[vi]) else { continue }
            if !xs.contains(row[xi]) { xs.append(row[xi]) }
            if !ys.contains(row[yi]) { ys.append(row[yi]) }
            let old = sums[row[mi], default: [:]][row[yi], default: [:]][row[xi]] ?? (0, 0)
            sums[row[mi], default: [:]][row[yi], default: [:]][row[xi]] = (old.0 + v, old.1 + 1)
        }
        func order(_ a: String, _ b: String) -> Bool {
            if let x = Double(a), let y = Double(b) { return x < y }
            return a < b
        }
        xs.sort(by: order)
        ys.sort(by: order)
        var cells: [String: [[Double?]]] = [:]
        for (metric, byY) in sums {
            cells[metric] = ys.map { y in xs.map { x in byY[y]?[x].map { $0.0 / Double($0.1) } } }
        }
        return SweepGrid(xName: header[xi], yName: header[yi], xValues: xs, yValues: ys, cells: cells)
    }

    /// Splits one CSV line (RFC 4180 quotes).
    static func splitCSV(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; if n == "," { out.append(field); field = "" } else { field.append(n) } }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { out.append(field); field = "" }
            else { field.append(c) }
        }
        out.append(field)
        return out
    }
}
