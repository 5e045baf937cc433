import Evaluation
import FlywheelCore

/// Per arm × metric × iteration: mean and 95% t interval over replicates.
struct Bands {
    var values: [String: [String: [Int: [Int: Double]]]] = [:]
    /// Where each iteration sits on the x axis.
    var axis = ReportInput.TimeAxis()
    init(rows: [MetricRow], axis: ReportInput.TimeAxis = .init()) {
        self.axis = axis
        for r in rows {
            values[r.arm, default: [:]][r.metric, default: [:]][r.replicate, default: [:]][r.iteration] = r.value
        }
    }
    func has(_ arm: String, _ metric: String) -> Bool { values[arm]?[metric] != nil }

    /// The chart series of `arm` × `metric` from iteration `from`; nil when absent.
    func series(_ arm: String, _ metric: String, color: String, from: Int = 0) -> SVGChart.Series? {
        guard let by = values[arm]?[metric] else { return nil }
        let width = by.values.map(\.count).min() ?? 0
        guard width > from else { return nil }
        var s = SVGChart.Series(name: arm, color: color, x: [], mean: [])
        for i in from..<width {
            let xs = by.keys.sorted().compactMap { by[$0]![i] }
            guard let e = MeanEstimate(xs) else { continue }
            // bands never leave the metric's range
            let band = e.interval?.clipped(to: EngineMetric.range(of: metric)).interval
            s.x.append(axis.weeks(arm, i))
            s.mean.append(e.mean)
            s.lower.append(band?.lower)
            s.upper.append(band?.upper)
        }
        return s
    }
}
