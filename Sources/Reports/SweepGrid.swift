/// A sweep's heat maps: the first swept parameter across, the others down (one row per
/// combination), one map per arm × headline metric of final values with their 95% CIs, and per
/// learning arm one of the difference to the baseline arm.
public struct SweepGrid: Sendable {
    /// One heat map: `cells[y][x]`, nil where the cell is missing or incomplete.
    public struct Map: Sendable {
        public var title: String
        public var metric: String
        public var cells: [[RunSummary.Estimate?]]
        /// Differences are coloured diverging around 0; finals on the metric's own scale.
        public var isDifference: Bool
    }

    public var xName: String
    public var yName: String
    public var xValues: [String]
    public var yValues: [String]
    public var maps: [Map]

    public init(_ results: SweepResults) {
        let params = results.parameterNames
        xName = params.first ?? "cell"
        yName = params.count > 1 ? params.dropFirst().joined(separator: " · ") : ""
        func x(_ c: SweepResults.Cell) -> String { params.first.map { c.values[$0] ?? "–" } ?? "\(c.index)" }
        func y(_ c: SweepResults.Cell) -> String {
            params.count > 1 ? params.dropFirst().map { c.values[$0] ?? "–" }.joined(separator: " · ") : "all"
        }
        xValues = Self.ordered(results.cells.map(x))
        yValues = Self.ordered(results.cells.map(y))
        var maps: [Map] = []
        let (xs, ys) = (xValues, yValues)
        func grid(_ pick: (SweepResults.Cell) -> RunSummary.Estimate?) -> [[RunSummary.Estimate?]] {
            ys.map { yv in xs.map { xv in results.cells.first { x($0) == xv && y($0) == yv }.flatMap(pick) } }
        }
        for metric in results.metrics {
            for arm in results.arms {
                maps.append(
                    Map(
                        title: "\(metric), arm \(arm): final value", metric: metric,
                        cells: grid { results.metric(metric, arm: arm, in: $0)?.end }, isDifference: false))
            }
            if let baseline = results.baseline {
                for arm in results.arms where arm != baseline {
                    maps.append(
                        Map(
                            title: "\(metric): \(arm) − \(baseline) at the end", metric: metric,
                            cells: grid { results.metric(metric, arm: arm, in: $0)?.versusBaseline }, isDifference: true
                        ))
                }
            }
        }
        self.maps = maps
    }

    /// Distinct values in first-seen order, numerically sorted when all are numbers (durations
    /// such as `3d`, `14d` sort by their number when they share a unit).
    static func ordered(_ values: [String]) -> [String] {
        var seen: [String] = []
        for v in values where !seen.contains(v) { seen.append(v) }
        let keys = seen.map(sortKey)
        guard keys.allSatisfy({ $0 != nil }) else { return seen }
        return zip(seen, keys).sorted { $0.1! < $1.1! }.map(\.0)
    }

    static func sortKey(_ v: String) -> Double? {
        if let d = Double(v) { return d }
        let units: [Character: Double] = ["h": 1.0 / 24, "d": 1, "w": 7]
        guard let unit = v.last, let scale = units[unit], let n = Double(v.dropLast()) else { return nil }
        return n * scale
    }
}
