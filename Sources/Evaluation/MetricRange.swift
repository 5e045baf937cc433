/// The range of values a metric the engine writes can take, so intervals never leave it.
public enum MetricRange {
    /// [0, 1] for shares and IR metrics, [1, 5] for helpfulness; nil for counts, minutes and
    /// other unbounded quantities.
    public static func of(_ metric: String) -> ClosedRange<Double>? {
        if metric == "helpfulness" { return 1...5 }
        if MetricName(rawValue: metric) != nil { return 0...1 }
        switch metric {
        case "mrr", "helpfulness_ge4", "adoption", "online_adoption", "online_win_rate_a": return 0...1
        default: return nil
        }
    }

    /// The range of a difference of two values of the metric: [−(hi − lo), hi − lo].
    public static func ofDifference(_ metric: String) -> ClosedRange<Double>? {
        of(metric).map { -($0.upperBound - $0.lowerBound)...($0.upperBound - $0.lowerBound) }
    }
}

extension ConfidenceInterval {
    /// This interval clipped to `range`, and whether clipping changed it.
    public func clipped(to range: ClosedRange<Double>?) -> (interval: ConfidenceInterval, clipped: Bool) {
        guard let range else { return (self, false) }
        let lo = min(max(lower, range.lowerBound), range.upperBound)
        let hi = max(min(upper, range.upperBound), range.lowerBound)
        return (ConfidenceInterval(lower: lo, upper: hi, level: level), lo != lower || hi != upper)
    }
}
