/// A two-sided confidence interval [lower, upper] at `level` (e.g. 0.95).
public struct ConfidenceInterval: Hashable, Sendable, Codable {
    public var lower: Double
    public var upper: Double
    public var level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// upper − lower.
    public var width: Double { upper - lower }

    /// Whether `x` lies in the closed interval.
    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }

    /// Whether the whole interval lies above 0 (an improvement, for a difference of a higher-is-better metric).
    public var excludesZeroFromAbove: Bool { lower > 0 }
}
