import FlywheelCore
import Foundation

/// When tickets arrive and what they are about, over the weeks of the stream.
extension SyntheticWorld {
    /// Relative ticket volume by weekday, Monday first: busy at the start of the week, quiet at
    /// the weekend.
    static let weekdayVolume: [Double] = [1.18, 1.10, 1.05, 1.0, 0.97, 0.78, 0.72]
    /// Growth of daily volume from the first to the last day (+20%).
    static let volumeTrend = 0.20
    /// Relative volume by hour of day (UTC), a daytime peak with a quiet night.
    static let hourVolume: [Double] = [
        0.25, 0.18, 0.14, 0.12, 0.14, 0.25, 0.5, 0.9, 1.3, 1.6, 1.7, 1.65,
        1.55, 1.6, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.85, 0.6, 0.4
    ]

    /// Ticket creation times, in time order: daily counts proportional to weekday × trend
    /// (apportioned exactly by largest remainder), times within a day from the hourly profile.
    static func schedule(_ config: SyntheticWorldConfig) -> [Timestamp] {
        let days = config.weeks * 7
        let start = config.start.secondsSinceEpoch
        var weights: [Double] = []
        for d in 0..<days {
            let weekday = Timestamp(secondsSinceEpoch: start + Int64(d) * 86_400).weekday
            let trend = 1 + volumeTrend * Double(d) / Double(max(1, days - 1))
            weights.append(weekdayVolume[weekday] * trend)
        }
        let counts = apportion(config.tickets, weights: weights)
        var times: [Timestamp] = []
        times.reserveCapacity(config.tickets)
        for d in 0..<days where counts[d] > 0 {
            var rng = RandomStream(seed: config.seed, purpose: "schedule", ids: [UInt64(d)])
            var day: [Int64] = []
            day.reserveCapacity(counts[d])
            for _ in 0..<counts[d] {
                let hour = rng.weightedIndex(hourVolume)
                day.append(start + Int64(d) * 86_400 + Int64(hour * 3600 + rng.int(below: 3600)))
            }
            day.sort()
            times.append(contentsOf: day.map { Timestamp(secondsSinceEpoch: $0) })
        }
        return times
    }

    /// Splits `total` into integer parts proportional to `weights` (Hamilton's largest-remainder
    /// method; ties go to the earlier index), so the parts sum to `total` exactly.
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let quotas = weights.map { Double(total) * $0 / sum }
        var parts = quotas.map { Int($0.rounded(.down)) }
        let left = total - parts.reduce(0, +)
        let order = quotas.indices.sorted {
            let a = quotas[$0] - Double(parts[$0]), b = quotas[$1] - Double(parts[$1])
            return a != b ? a > b : $0 < $1
        }
        for i in order.prefix(left) { parts[i] += 1 }
        return parts
    }

    /// Topic popularity for every week: a per-topic base level, a slow seasonal wave and a
    /// linear trend, so the mix of questions drifts over the stream.
    /// `weight(t, w) = base_t · exp(amp_t · sin(2π w / period_t + phase_t) + trend_t · (w / (W−1) − ½))`.
    static func topicWeights(_ config: SyntheticWorldConfig) -> [[Double]] {
        let topics = MarketplaceCatalogue.topics.count
        var params: [(base: Double, amp: Double, period: Double, phase: Double, trend: Double)] = []
        for t in 0..<topics {
            var rng = RandomStream(seed: config.seed, purpose: "topic-drift", ids: [UInt64(t)])
            params.append(
                (
                    base: exp(0.5 * rng.normal()), amp: 0.15 + 0.4 * rng.uniform(),
                    period: 8 + 22 * rng.uniform(), phase: 2 * Double.pi * rng.uniform(),
                    trend: 0.6 * rng.normal()
                ))
        }
        return (0..<config.weeks).map { w in
            let x = Double(w) / Double(max(1, config.weeks - 1)) - 0.5
            return params.map { p in
                p.base * exp(p.amp * sin(2 * Double.pi * Double(w) / p.period + p.phase) + p.trend * x)
            }
        }
    }

    /// Extra demand for a policy introduced during the stream: ×(1 + 4·e^(−age/10 days)).
    static func launchBoost(ageSeconds: Int64) -> Double {
        1 + 4 * exp(-Double(ageSeconds) / (10 * 86_400))
    }
}
