import Evaluation
import FlywheelCore

/// `flywheel cadence`'s result: one row per cadence run on the same ticket stream (and a "no loop"
/// row: the same arm never retrained, nobody annotating), the time to reach 90% of the best
/// cadence's final gain, final metrics with CIs, retrains, agent minutes and net value under the
/// scenario's cost model, the probability that each row is best and the paired interval of the
/// winner's margin; written to `cadence.json` and drawn in the report.
public struct CadenceStudy: Codable, Sendable {
    public struct Row: Codable, Sendable {
        /// The cadence as written, e.g. `1w`; ``CadenceStudy/noLoopLabel`` for the no-loop row.
        public var cadence: String
        /// The arm that ran it, e.g. `cadence-1w`.
        public var arm: String
        /// Weeks from the start until the mean curve of ``CadenceStudy/metric`` first reaches 90%
        /// of the best cadence's final gain; nil = never within the horizon.
        public var weeksTo90: Double?
        /// Final value of each headline metric (mean over replicates, 95% CI).
        public var finals: [String: RunSummary.Estimate]
        /// Retrainings over the horizon (mean over replicates).
        public var retrains: Double
        /// Agents' annotation minutes over the horizon (mean over replicates).
        public var agentMinutes: Double
        /// Mean over evaluations of (metric − metric at iteration 0), per valued metric.
        public var meanGain: [String: Double]
        public var netValue: Double
        /// Mean curve of ``CadenceStudy/metric`` at every evaluation.
        public var curve: [Double]
        /// True for the row that does not run the loop (no retraining, no annotation).
        public var noLoop: Bool?
        /// Net value of each replicate (same replicate = same tickets and draws in every row).
        public var replicateNetValues: [Double]?
        /// Share of bootstrap resamples of the replicates in which this row has the highest mean
        /// net value.
        public var probabilityBest: Double?
        /// The 95% t interval of ``curve`` at every evaluation, clipped to the metric's range
        /// (nil entries with one replicate); absent in cadence.json files written before it.
        public var curveLower: [Double?]? = nil
        public var curveUpper: [Double?]? = nil
    }

    /// The label of the row that does not run the loop.
    public static let noLoopLabel = "no loop"

    /// The metric whose gain defines time-to-90%.
    public var metric: String
    /// Weeks between evaluations (the x step of the curves).
    public var weeksPerIteration: Double
    /// The best cadence's final gain in ``metric`` (final − iteration 0).
    public var bestFinalGain: Double
    public var rows: [Row]
    /// The row with the highest net value (a cadence, or ``noLoopLabel``).
    public var recommended: String
    /// Its net value minus the runner-up's (0 with a single row).
    public var margin: Double
    /// The runner-up's label.
    public var runnerUp: String?
    /// The margin's 95% t interval over the paired per-replicate differences; nil with one replicate.
    public var marginLower: Double?
    public var marginUpper: Double?
    /// Replicates behind every row.
    public var replicates: Int?
    /// Bootstrap resamples behind ``Row/probabilityBest``.
    public var resamples: Int?
    /// The value per point of each metric counted in the net value.
    public var valuePerPoint: [String: Double]?

    /// Analyses a run whose arms are `arms` (arm name → cadence label, in the order to show);
    /// `noLoopArm`, when given, is the arm that never retrains and has nobody annotating.
    ///
    /// Net value = Σ_m valuePerPoint[m] × 100 × meanGain[m] − perRetrain × retrains −
    /// perAgentMinute × agentMinutes (a point is 0.01 of the metric), per replicate and on average.
    public static func analyse(
        rows metricRows: [MetricRow], arms: [(arm: String, cadence: String)], noLoopArm: String? = nil, metric: String,
        weeksPerIteration: Double, perRetrain: Double, perAgentMinute: Double, valuePerPoint: [String: Double],
        resamples: Int = 2000, seed: UInt64 = 17
    ) -> CadenceStudy {
        var values: [String: [String: [Int: [Int: Double]]]] = [:]
        for r in metricRows {
            values[r.arm, default: [:]][r.metric, default: [:]][r.replicate, default: [:]][r.iteration] = r.value
        }
        func series(_ arm: String, _ m: String) -> [[Double]] {
            let by = values[arm]?[m] ?? [:]
            let s = by.keys.sorted().map { rep in by[rep]!.keys.sorted().map { by[rep]![$0]! } }
            let w = s.map(\.count).min() ?? 0
            return s.map { Array($0.prefix(w)) }
        }
        func curve(_ arm: String, _ m: String) -> [Double] {
            let s = series(arm, m)
            let w = s.first?.count ?? 0
            return (0..<w).map { i in Statistics.mean(s.map { $0[i] }) }
        }
        func totals(_ arm: String, _ m: String) -> [Double] { series(arm, m).map { $0.dropFirst().reduce(0, +) } }
        let all = arms + (noLoopArm.map { [(arm: $0, cadence: noLoopLabel)] } ?? [])
        let gains = arms.map { a -> Double in
            let c = curve(a.arm, metric)
            return c.count > 0 ? c[c.count - 1] - c[0] : 0
        }
        let best = gains.max() ?? 0
        let valued = valuePerPoint.keys.sorted()
        let out = all.map { a -> Row in
            let c = curve(a.arm, metric)
            var weeks: Double?
            if best > 0, let i = c.indices.first(where: { c[$0] - c[0] >= 0.9 * best }) {
                weeks = Double(i) * weeksPerIteration
            }
            var finals: [String: RunSummary.Estimate] = [:]
            for m in Set(EngineMetric.headline(among: values[a.arm].map { Array($0.keys) } ?? []) + [metric]) {
                let s = series(a.arm, m)
                if let w = s.first?.count, w > 0 { finals[m] = RunSummary.Estimate(s.map { $0[w - 1] }) }
            }
            var meanGain: [String: Double] = [:]
            for m in valued {
                let cm = curve(a.arm, m)
                if cm.count > 1 { meanGain[m] = Statistics.mean(cm.dropFirst().map { $0 - cm[0] }) }
            }
            let retrains = totals(a.arm, "retrains"), minutes = totals(a.arm, "agent_minutes")
            var value = 0.0
            for m in valued { value += valuePerPoint[m]! * 100 * (meanGain[m] ?? 0) }
            value -= perRetrain * Statistics.mean(retrains) + perAgentMinute * Statistics.mean(minutes)
            // Per replicate: the same formula on that replicate's own curves.
            var perReplicate = zip(retrains, minutes).map { -perRetrain * $0 - perAgentMinute * $1 }
            for m in valued {
                for (r, s) in series(a.arm, m).enumerated() where r < perReplicate.count && s.count > 1 {
                    perReplicate[r] += valuePerPoint[m]! * 100 * Statistics.mean(s.dropFirst().map { $0 - s[0] })
                }
            }
            let bands = series(a.arm, metric)
            let intervals = (0..<(bands.first?.count ?? 0)).map { i in
                MeanEstimate(bands.map { $0[i] })?.interval?.clipped(to: EngineMetric.range(of: metric)).interval
            }
            return Row(
                cadence: a.cadence, arm: a.arm, weeksTo90: weeks, finals: finals, retrains: Statistics.mean(retrains),
                agentMinutes: Statistics.mean(minutes), meanGain: meanGain, netValue: value, curve: c,
                noLoop: a.arm == noLoopArm ? true : nil, replicateNetValues: perReplicate,
                curveLower: intervals.map { $0?.lower }, curveUpper: intervals.map { $0?.upper })
        }
        var study = CadenceStudy(
            metric: metric, weeksPerIteration: weeksPerIteration, bestFinalGain: best, rows: out, recommended: "–",
            margin: 0,
            valuePerPoint: valuePerPoint)
        study.rank(resamples: resamples, seed: seed)
        return study
    }
}
