/// Plain descriptive statistics, summed in the order given so results are reproducible bit for bit.
public enum Statistics {
    /// The arithmetic mean; NaN for an empty array.
    public static func mean(_ values: [Double]) -> Double {
        var sum = 0.0
        for v in values { sum += v }
        return sum / Double(values.count)
    }

    /// The sample variance (divisor n − 1); nil for fewer than two values.
    public static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let m = mean(values)
        var ss = 0.0
        for v in values { ss += (v - m) * (v - m) }
        return ss / Double(values.count - 1)
    }

    /// The sample standard deviation (divisor n − 1); nil for fewer than two values.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// The `p`-quantile of `sorted` (ascending, non-empty) by linear interpolation between order
    /// statistics — Hyndman & Fan's type 7, the default of R and NumPy.
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of an empty sample")
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
