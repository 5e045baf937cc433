import Evaluation
import FlywheelCore

/// `flywheel cadence`'s result: one row per cadence run on the same ticket stream, the time to
/// reach 90% of the best cadence's final gain, final metrics with CIs, retrains, agent minutes
/// and net value under the scenario's cost model; written to `cadence.json` and drawn in the report.
public struct CadenceStudy: Codable, Sendable {
    public struct Row: Codable, Sendable {
        /// The cadence as written, e.g. `1w`.
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
    }

    /// The metric whose gain defines time-to-90%.
    public var metric: String
    /// Weeks between evaluations (the x step of the curves).
    public var weeksPerIteration: Double
    /// The best cadence's final gain in ``metric`` (final − iteration 0).
    public var bestFinalGain: Double
    public var rows: [Row]
    /// The cadence with the highest net value.
    public var recommended: String
    /// Its net value minus the runner-up's (0 with a single cadence).
    public var margin: Double

    /// Analyses a run whose arms are `arms` (arm name → cadence label, in the order to show).
    ///
    /// Net value = Σ_m valuePerPoint[m] × 100 × meanGain[m] − perRetrain × retrains −
    /// perAgentMinute × agentMinutes (a point is 0.01 of the metric).
    public static func analyse(
        rows metricRows: [MetricRow], arms: [(arm: String, cadence: String)], metric: String, weeksPerIteration: Double,
        perRetrain: Double, perAgentMinute: Double, valuePerPoint: [String: Double]
    ) -> CadenceStudy {
        var values: [String: [String: [Int: [Int: Double]]]] = [:]
        for r in metricRows { values[r.arm, default: [:]][r.metric, default: [:]][r.replicate, default: [:]][r.iteration] = r.value }
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
        func total(_ arm: String, _ m: String) -> Double {
            Statistics.mean(series(arm, m).map { $0.dropFirst().reduce(0, +) })
        }
        let gains = arms.map { a -> Double in
            let c = curve(a.arm, metric)
            return c.count > 0 ? c[c.count - 1] - c[0] : 0
        }
        let best = gains.max() ?? 0
        let out = arms.map { a -> Row in
            let c = curve(a.arm, metric)
            var weeks: Double?
            if best > 0, let i = c.indices.first(where: { c[$0] - c[0] >= 0.9 * best }) {
                weeks = Double(i) * weeksPerIteration
            }
            var finals: [String: RunSummary.Estimate] = [:]
            for m in Set(RunSummary.headline + [metric]) {
                let s = series(a.arm, m)
                if let w = s.first?.count, w > 0 { finals[m] = RunSummary.Estimate(s.map { $0[w - 1] }) }
            }
            var meanGain: [String: Double] = [:]
            for m in valuePerPoint.keys.sorted() {
                let cm = curve(a.arm, m)
                if cm.count > 1 { meanGain[m] = Statistics.mean(cm.dropFirst().map { $0 - cm[0] }) }
            }
            let retrains = total(a.arm, "retrains"), minutes = total(a.arm, "agent_minutes")
            var value = 0.0
            for m in valuePerPoint.keys.sorted() { value += valuePerPoint[m]! * 100 * (meanGain[m] ?? 0) }
            value -= perRetrain * retrains + perAgentMinute * minutes
            return Row(
                cadence: a.cadence, arm: a.arm, weeksTo90: weeks, finals: finals, retrains: retrains, agentMinutes: minutes,
                meanGain: meanGain, netValue: value, curve: c)
        }
        let ranked = out.sorted { $0.netValue != $1.netValue ? $0.netValue > $1.netValue : $0.cadence < $1.cadence }
        return CadenceStudy(
            metric: metric, weeksPerIteration: weeksPerIteration, bestFinalGain: best, rows: out,
            recommended: ranked.first?.cadence ?? "–",
            margin: ranked.count > 1 ? ranked[0].netValue - ranked[1].netValue : 0)
    }

    /// The printed table.
    public func table() -> String {
        var rows = [["cadence", "weeks to 90%", "final \(metric) (95% CI)", "retrains", "agent min", "net value"]]
        for r in self.rows {
            let e = r.finals[metric]
            rows.append([
                r.cadence + (r.cadence == recommended ? " *" : ""), r.weeksTo90.map { SummaryTable.fmt($0, digits: 1) } ?? "never",
                e.map { SummaryTable.fmt($0.mean) + " " + SummaryTable.interval($0) } ?? "–",
                SummaryTable.fmt(r.retrains, digits: 1), SummaryTable.fmt(r.agentMinutes, digits: 0),
                SummaryTable.fmt(r.netValue, digits: 0),
            ])
        }
        return SummaryTable.layout(rows)
            + "best final gain in \(metric): \(SummaryTable.signed(bestFinalGain)); time to 90% = first evaluation reaching \(SummaryTable.fmt(0.9 * bestFinalGain)) above its start\n"
            + "recommended cadence: \(recommended) (net value ahead of the runner-up by \(SummaryTable.fmt(margin, digits: 0)))\n"
    }
}
