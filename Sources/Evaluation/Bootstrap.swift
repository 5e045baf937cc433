import FlywheelCore

/// Percentile bootstrap confidence intervals (Efron & Tibshirani, *An Introduction to the
/// Bootstrap*, 1993, §13.3): resample the values with replacement `resamples` times, compute the
/// statistic of each resample, and take the α/2 and 1 − α/2 quantiles (type 7) of those.
///
/// Deterministic: every index is drawn from `rng`, a ``RandomStream`` the caller keys by what the
/// interval is for, so the same stream gives the same interval on any machine.
/// Returns nil for fewer than two values (a single value resamples to itself: no spread to report).
///
/// ```swift
/// let rng = RandomStream(seed: 42, purpose: "bootstrap", ids: [StableHash.fnv1a("recall@75")])
/// let ci = Bootstrap.meanInterval(perTicketRecall, rng: rng)
/// ```
public enum Bootstrap {
    /// The percentile interval for the mean of `values`.
    public static func meanInterval(
        _ values: [Double], level: Double = 0.95, resamples: Int = 10_000, rng: RandomStream
    ) -> ConfidenceInterval? {
        interval(values, level: level, resamples: resamples, rng: rng, statistic: Statistics.mean)
    }

    /// The percentile interval for any `statistic` of `values`.
    public static func interval(
        _ values: [Double], level: Double = 0.95, resamples: Int = 10_000, rng: RandomStream,
        statistic: ([Double]) -> Double
    ) -> ConfidenceInterval? {
        precondition(level > 0 && level < 1, "a confidence level lies in (0, 1)")
        precondition(resamples > 0, "the bootstrap needs at least one resample")
        guard values.count >= 2 else { return nil }
        var rng = rng
        var stats = [Double]()
        stats.reserveCapacity(resamples)
        var sample = [Double](repeating: 0, count: values.count)
        for _ in 0..<resamples {
            for i in sample.indices { sample[i] = values[rng.int(below: values.count)] }
            stats.append(statistic(sample))
        }
        stats.sort()
        let alpha = 1 - level
        return ConfidenceInterval(
            lower: Statistics.quantile(sorted: stats, alpha / 2),
            upper: Statistics.quantile(sorted: stats, 1 - alpha / 2), level: level)
    }
}
