import Evaluation
import FlywheelCore

/// What `summary.json` holds and the end-of-run table shows: per arm and metric, the value at
/// iteration 0 and at the last iteration (mean over replicates with a 95% t interval), the
/// change, and the paired difference to the baseline arm at the last iteration.
public struct RunSummary: Codable, Sendable {
    /// A mean over `n` replicates and its 95% t interval (nil bounds with one replicate),
    /// clipped to the range the quantity can take (`clipped` says when that changed it).
    public struct Estimate: Codable, Sendable, Hashable {
        public var mean: Double
        public var lower: Double?
        public var upper: Double?
        public var n: Int
        public var clipped: Bool
        init(_ values: [Double], range: ClosedRange<Double>? = nil) {
            let e = MeanEstimate(values)
            mean = e?.mean ?? .nan
            n = values.count
            let c = e?.interval?.clipped(to: range)
            lower = c?.interval.lower
            upper = c?.interval.upper
            clipped = c?.clipped ?? false
        }
    }
    public struct MetricSummary: Codable, Sendable {
        public var metric: String
        public var start: Estimate
        public var end: Estimate
        /// Paired (by replicate) end − start.
        public var change: Estimate
        /// change / start, when start ≠ 0.
        public var relativeChange: Double?
        /// Paired (by replicate) end − baseline's end; nil for the baseline itself.
        public var versusBaseline: Estimate?
        /// Mean over replicates at every iteration, for learning curves.
        public var curve: [Double]
    }
    public struct ArmSummary: Codable, Sendable {
        public var arm: String
        public var iterations: Int
        public var metrics: [MetricSummary]
    }

    public var run: String
    public var scenarioHash: String
    public var replicates: Int
    public var baseline: String?
    public var arms: [ArmSummary]

    /// The run's headline metrics (``EngineMetric/isHeadline``, at the depths the run used: a
    /// run at retriever depth 50 and reranker depth 5 has recall@50 and precision@5), in the
    /// order tables show them.
    public var headline: [String] { EngineMetric.headline(among: arms.flatMap { $0.metrics.map(\.metric) }) }

    public init(run: String, scenarioHash: String, baseline: String?, rows: [MetricRow]) {
        self.run = run
        self.scenarioHash = scenarioHash
        self.baseline = baseline
        // values[arm][metric][replicate][iteration]
        var values: [String: [String: [Int: [Int: Double]]]] = [:]
        for r in rows {
            values[r.arm, default: [:]][r.metric, default: [:]][r.replicate, default: [:]][r.iteration] = r.value
        }
        replicates = Set(rows.map(\.replicate)).count
        func series(_ arm: String, _ metric: String) -> [[Double]] {
            let byReplicate = values[arm]?[metric] ?? [:]
            return byReplicate.keys.sorted().map { rep in
                let its = byReplicate[rep]!
                return its.keys.sorted().map { its[$0]! }
            }
        }
        arms = values.keys.sorted().map { arm in
            let metricNames = EngineMetric.inTableOrder(values[arm]!.keys)
            var iterations = 0
            let metrics = metricNames.map { metric -> MetricSummary in
                let s = series(arm, metric).filter { !$0.isEmpty }
                iterations = max(iterations, (s.map(\.count).max() ?? 1) - 1)
                let starts = s.map { $0[0] }
                let ends = s.map { $0[$0.count - 1] }
                let change = zip(ends, starts).map { $0 - $1 }
                let startMean = Statistics.mean(starts)
                var versus: Estimate?
                if let baseline, baseline != arm {
                    let b = series(baseline, metric).filter { !$0.isEmpty }.map { $0[$0.count - 1] }
                    if b.count == ends.count, !b.isEmpty {
                        versus = Estimate(zip(ends, b).map { $0 - $1 }, range: EngineMetric.differenceRange(of: metric))
                    }
                }
                let width = s.map(\.count).min() ?? 0
                let curve = (0..<width).map { i in Statistics.mean(s.map { $0[i] }) }
                return MetricSummary(
                    metric: metric, start: Estimate(starts, range: EngineMetric.range(of: metric)),
                    end: Estimate(ends, range: EngineMetric.range(of: metric)),
                    change: Estimate(change, range: EngineMetric.differenceRange(of: metric)),
                    relativeChange: startMean == 0 ? nil : Statistics.mean(change) / startMean,
                    versusBaseline: versus, curve: curve)
            }
            return ArmSummary(arm: arm, iterations: iterations, metrics: metrics)
        }
    }
}
