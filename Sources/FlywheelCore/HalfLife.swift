#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Forgetting per unit of simulated time: what a half-life leaves of evidence after some time.
/// Every learner that forgets uses this, so changing the retraining cadence changes only the
/// cadence (issue #11).
public enum HalfLife {
    /// 2^(−seconds / (days · 86,400)): 1 when no time passed or the half-life is infinite.
    public static func retention(afterSeconds seconds: Int64, halfLifeDays days: Double) -> Double {
        guard seconds > 0, days.isFinite else { return 1 }
        return pow(0.5, Double(seconds) / 86_400 / days)
    }

    /// What is left at `end` of evidence from `start`: 1 when either time is unknown.
    public static func retention(from start: Timestamp?, to end: Timestamp?, halfLifeDays days: Double) -> Double {
        guard let start, let end else { return 1 }
        return retention(afterSeconds: end.secondsSinceEpoch - start.secondsSinceEpoch, halfLifeDays: days)
    }
}
