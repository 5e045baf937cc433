import FlywheelCore

/// The mean paired difference a − b of two measurements on the same units (tickets, or
/// replicates sharing random streams), with a Student-t interval, the two-sided paired t-test,
/// and optionally a percentile bootstrap interval of the mean difference.
///
///     d_i = a_i − b_i,   mean(d) ± t(1 − α/2, n − 1) · s_d / √n,   T = mean(d) / (s_d / √n)
///
/// - n = 0: no estimate (`init` returns nil). n = 1: the difference only; every interval, the
///   t statistic and the p-value are nil.
/// - All differences equal (s_d = 0, n ≥ 2): both intervals collapse to that difference; the
///   p-value is 1 when it is 0 and 0 otherwise, and ``tStatistic`` is nil.
///
/// ```swift
/// let gain = PairedDifference(aitl.values(.recall75), frozen.values(.recall75),
///                             rng: RandomStream(seed: 7, purpose: "paired-bootstrap"))!
/// gain.tInterval!.lower > 0    // aitl beats frozen at 95%
/// ```
public struct PairedDifference: Hashable, Sendable {
    public var count: Int
    /// mean(a − b).
    public var meanDifference: Double
    /// Sample standard deviation of a − b; nil when count < 2.
    public var standardDeviation: Double?
    public var tInterval: ConfidenceInterval?
    public var tStatistic: Double?
    /// Two-sided p-value of the paired t-test of mean(a − b) = 0.
    public var pValue: Double?
    /// Percentile bootstrap interval of mean(a − b); nil without `rng` or when count < 2.
    public var bootstrapInterval: ConfidenceInterval?

    /// - Precondition: `a` and `b` have the same length (element i of each is the same unit).
    public init?(
        _ a: [Double], _ b: [Double], level: Double = 0.95, resamples: Int = 10_000, rng: RandomStream? = nil
    ) {
        precondition(a.count == b.count, "paired samples must have the same length (\(a.count) vs \(b.count))")
        let d = zip(a, b).map { $0 - $1 }
        guard let estimate = MeanEstimate(d, level: level) else { return nil }
        count = d.count
        meanDifference = estimate.mean
        standardDeviation = estimate.standardDeviation
        tInterval = estimate.interval
        if let s = estimate.standardDeviation {
            if s > 0 {
                let t = estimate.mean / (s / Double(count).squareRoot())
                tStatistic = t
                pValue = 2 * StudentT(degreesOfFreedom: Double(count - 1)).cdf(-abs(t))
            } else {
                tStatistic = nil
                pValue = estimate.mean == 0 ? 1 : 0
            }
        } else {
            tStatistic = nil
            pValue = nil
        }
        bootstrapInterval = rng.flatMap {
            Bootstrap.meanInterval(d, level: level, resamples: resamples, rng: $0)
        }
    }
}
