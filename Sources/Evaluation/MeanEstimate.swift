/// A sample mean with its Student-t confidence interval.
///
///     mean ± t(1 − α/2, n − 1) · s / √n
///
/// the textbook interval for a mean of independent draws (e.g. Wasserman, *All of Statistics*,
/// §10 / Student 1908), with s the sample standard deviation (divisor n − 1).
///
/// - n = 0: there is no estimate (`init` returns nil).
/// - n = 1: ``mean`` is the single value; ``standardDeviation`` and ``interval`` are nil,
///   because one draw says nothing about spread.
///
/// ```swift
/// let recall = MeanEstimate([0.61, 0.64, 0.60])!   // three replicates
/// recall.interval   // lower 0.56496, upper 0.66838 (t(0.975, 2) = 4.302653)
/// ```
public struct MeanEstimate: Hashable, Sendable, Codable {
    public var mean: Double
    public var count: Int
    /// Sample standard deviation; nil when count < 2.
    public var standardDeviation: Double?
    /// The t interval at the level asked; nil when count < 2.
    public var interval: ConfidenceInterval?

    public init?(_ values: [Double], level: Double = 0.95) {
        precondition(level > 0 && level < 1, "a confidence level lies in (0, 1)")
        guard !values.isEmpty else { return nil }
        mean = Statistics.mean(values)
        count = values.count
        standardDeviation = Statistics.standardDeviation(values)
        if let s = standardDeviation {
            let half =
                StudentT(degreesOfFreedom: Double(count - 1)).quantile(0.5 + level / 2)
                * s / Double(count).squareRoot()
            interval = ConfidenceInterval(lower: mean - half, upper: mean + half, level: level)
        } else {
            interval = nil
        }
    }

    /// s / √n; nil when count < 2.
    public var standardError: Double? { standardDeviation.map { $0 / Double(count).squareRoot() } }
}
