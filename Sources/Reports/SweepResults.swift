import Evaluation
/// A sweep's results as the report, `sweep.csv` and the end-of-sweep table read them: every
/// recorded cell with its swept values and, when complete, its run summary (per arm and metric,
/// the final value with its 95% CI over replicates, the change and the difference to the
/// baseline arm).
///
/// ```swift
/// let results = SweepResults(name: "cadence", parameterNames: ["arms.aitl.cadence"], cells: cells)
/// let grid = SweepGrid(results)      // heat maps
/// print(SweepCellTable.render(results))
/// ```
public struct SweepResults: Sendable {
    /// One cell of the sweep.
    public struct Cell: Sendable {
        public var index: Int
        /// The resolved scenario's hash (the cell's run name).
        public var hash: String
        /// Swept key path → value as text (lists as JSON).
        public var values: [String: String]
        /// Nil while the cell is incomplete.
        public var summary: RunSummary?
        public init(index: Int, hash: String, values: [String: String], summary: RunSummary?) {
            self.index = index
            self.hash = hash
            self.values = values
            self.summary = summary
        }
    }

    public var name: String
    /// The swept key paths, in the order the sweep file names them (the heat map's axes).
    public var parameterNames: [String]
    public var cells: [Cell]

    public init(name: String, parameterNames: [String], cells: [Cell]) {
        self.name = name
        self.parameterNames = parameterNames
        self.cells = cells.sorted { $0.index < $1.index }
    }

    public var complete: [Cell] { cells.filter { $0.summary != nil } }

    /// Arms present in any complete cell, sorted.
    public var arms: [String] { Set(complete.flatMap { $0.summary!.arms.map(\.arm) }).sorted() }

    /// The baseline arm the cells share, if any.
    public var baseline: String? { complete.first?.summary?.baseline }

    /// Headline metrics present in any complete cell, in catalogue order (``EngineMetric``).
    public var metrics: [String] {
        let present = Set(complete.flatMap { $0.summary!.arms.flatMap { $0.metrics.map(\.metric) } })
        return EngineMetric.headline(among: present)
    }

    /// Replicates per cell (the largest over complete cells).
    public var replicates: Int { complete.map { $0.summary!.replicates }.max() ?? 0 }

    /// The summary of `metric` for `arm` in `cell`, nil when absent.
    public func metric(_ metric: String, arm: String, in cell: Cell) -> RunSummary.MetricSummary? {
        cell.summary?.arms.first { $0.arm == arm }?.metrics.first { $0.metric == metric }
    }
}
