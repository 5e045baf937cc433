import FlywheelCore

/// Off-policy estimates of the reward (e.g. adoption) a candidate policy would get, from
/// exposures a logging policy chose at random with known propensities (Horvitz & Thompson 1952;
/// self-normalised: Swaminathan & Joachims 2015). Each exposure weighs `w = target / logging`
/// propensity of the action that was shown.
///
/// ```swift
/// let samples = log.map { LoggedExposure(reward: $0.adopted ? 1 : 0, loggingPropensity: $0.p, targetPropensity: 1) }
/// let e = OffPolicy.estimate(samples, .snips, rng: RandomStream(seed: 1, purpose: "ope", ids: []))
/// ```
public struct LoggedExposure: Hashable, Sendable {
    public var reward: Double
    /// The probability the logging policy gave the action it took (> 0).
    public var loggingPropensity: Double
    /// The probability the candidate policy gives that same action.
    public var targetPropensity: Double
    public init(reward: Double, loggingPropensity: Double, targetPropensity: Double) {
        precondition(loggingPropensity > 0, "a logged action has a positive propensity")
        self.reward = reward
        self.loggingPropensity = loggingPropensity
        self.targetPropensity = targetPropensity
    }
    var weight: Double { targetPropensity / loggingPropensity }
}

/// The two estimators.
public enum OffPolicyEstimator: String, CaseIterable, Sendable {
    /// Inverse propensity scoring: mean of `w·r`; unbiased, high variance.
    case ips
    /// Self-normalised IPS: `Σ w·r / Σ w`; slightly biased, lower variance, stays in the reward range.
    case snips
}

/// An estimate with its percentile-bootstrap interval over exposures (paired resampling of
/// `(w·r, w)`), and the effective sample size `(Σw)² / Σw²`.
public struct OffPolicyEstimate: Hashable, Sendable {
    public var estimator: OffPolicyEstimator
    public var value: Double
    public var interval: ConfidenceInterval?
    public var count: Int
    public var effectiveSampleSize: Double
}

public enum OffPolicy {
    /// The estimate of `samples` (nil value → 0 for no samples or zero total weight under SNIPS).
    public static func value(_ samples: [LoggedExposure], _ estimator: OffPolicyEstimator) -> Double {
        guard !samples.isEmpty else { return 0 }
        let weighted = samples.reduce(0) { $0 + $1.weight * $1.reward }
        switch estimator {
        case .ips: return weighted / Double(samples.count)
        case .snips:
            let total = samples.reduce(0) { $0 + $1.weight }
            return total > 0 ? weighted / total : 0
        }
    }

    /// The estimate and its `level` percentile-bootstrap interval (``Bootstrap``'s method, with
    /// whole exposures resampled); deterministic for a given `rng`.
    public static func estimate(
        _ samples: [LoggedExposure], _ estimator: OffPolicyEstimator, level: Double = 0.95, resamples: Int = 2000,
        rng: RandomStream
    ) -> OffPolicyEstimate {
        let total = samples.reduce(0) { $0 + $1.weight }
        let squares = samples.reduce(0) { $0 + $1.weight * $1.weight }
        var interval: ConfidenceInterval?
        if samples.count >= 2 {
            var rng = rng
            var stats = [Double]()
            stats.reserveCapacity(resamples)
            let wr = samples.map { $0.weight * $0.reward }
            let w = samples.map(\.weight)
            for _ in 0..<resamples {
                var sumWR = 0.0, sumW = 0.0
                for _ in samples.indices {
                    let i = rng.int(below: samples.count)
                    sumWR += wr[i]
                    sumW += w[i]
                }
                stats.append(estimator == .ips ? sumWR / Double(samples.count) : (sumW > 0 ? sumWR / sumW : 0))
            }
            stats.sort()
            let alpha = 1 - level
            interval = ConfidenceInterval(
                lower: Statistics.quantile(sorted: stats, alpha / 2),
                upper: Statistics.quantile(sorted: stats, 1 - alpha / 2),
                level: level)
        }
        return OffPolicyEstimate(
            estimator: estimator, value: value(samples, estimator), interval: interval, count: samples.count,
            effectiveSampleSize: squares > 0 ? total * total / squares : 0)
    }
}
