import Evaluation
import FlywheelCore

/// The paired difference between two runs' learning curves of one arm × metric: replicate r of
/// the second run minus replicate r of the first (the same seed, so the same tickets, held-out
/// set and agents), per iteration, over the iterations and replicates both runs have.
///
/// ```swift
/// let gap = CurveGap(from: mainRows, to: branchRows, arm: "aitl", metric: "adoption")
/// gap?.final.mean   // branch − main at the last iteration, mean over replicates
/// ```
public struct CurveGap: Sendable {
    public var arm: String
    public var metric: String
    /// Replicates paired (those both runs have).
    public var replicates: Int
    /// Per iteration 0…last: the paired difference with its 95% t interval.
    public var perIteration: [RunSummary.Estimate]
    /// Per replicate, the mean over iterations 1…last of the difference (the area between the
    /// curves per iteration), then its mean and interval over replicates.
    public var area: RunSummary.Estimate
    /// The difference at the last iteration.
    public var final: RunSummary.Estimate

    /// Nil when either run lacks the arm × metric or they share no replicate or iteration ≥ 1.
    public init?(from first: [MetricRow], to second: [MetricRow], arm: String, metric: String) {
        let a = Self.curves(first, arm: arm, metric: metric), b = Self.curves(second, arm: arm, metric: metric)
        let shared = Set(a.keys).intersection(b.keys).sorted()
        let width = shared.map { min(a[$0]!.count, b[$0]!.count) }.min() ?? 0
        guard !shared.isEmpty, width >= 2 else { return nil }
        let diffs = shared.map { r in (0..<width).map { b[r]![$0] - a[r]![$0] } }
        let range = EngineMetric.differenceRange(of: metric)
        self.arm = arm
        self.metric = metric
        replicates = shared.count
        perIteration = (0..<width).map { i in RunSummary.Estimate(diffs.map { $0[i] }, range: range) }
        area = RunSummary.Estimate(diffs.map { Statistics.mean(Array($0.dropFirst())) }, range: range)
        final = perIteration[width - 1]
    }

    /// replicate → values by iteration (contiguous from 0; a gap ends the curve).
    static func curves(_ rows: [MetricRow], arm: String, metric: String) -> [Int: [Double]] {
        var by: [Int: [Int: Double]] = [:]
        for r in rows where r.arm == arm && r.metric == metric { by[r.replicate, default: [:]][r.iteration] = r.value }
        return by.mapValues { its in
            var out: [Double] = []
            while let v = its[out.count] { out.append(v) }
            return out
        }
    }

    /// How many iterations each run has for `arm` × `metric` (the shortest replicate), for
    /// error messages.
    public static func iterations(_ rows: [MetricRow], arm: String, metric: String) -> Int {
        curves(rows, arm: arm, metric: metric).values.map(\.count).min() ?? 0
    }
}
