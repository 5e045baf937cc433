import Evaluation
import FlywheelCore
import World

extension Expectation {
    /// `lift`: the relative lift of the arm over the reference, mean(arm) / mean(reference) − 1 at
    /// `iteration` (default the last), lies in `between: [lo, hi]` — a published effect size
    /// reproduced within a band, e.g. the paper's +11.7% recall@75 ± 25%:
    ///
    /// ```yaml
    /// - lift: {arm: aitl, metric: recall@75, between: [0.0878, 0.1463]}
    /// ```
    ///
    /// Judged on the point estimate, a ratio of the replicate means (the way a paper states a
    /// lift); its paired bootstrap 95% interval and n are printed but not judged. Requiring the
    /// whole interval inside the band would fail a correct model on replicate noise unless there
    /// were enough replicates to make the interval narrower than the band; requiring only that it
    /// touch the band would pass anything with few replicates.
    public struct Lift: Codable, Sendable, Hashable {
        public var arm: String
        public var metric: String
        /// The band's lower end, a share of the reference (0.0878 = +8.78%).
        public var lower: Double
        /// The band's upper end.
        public var upper: Double
        public var iteration: Int?
        /// As in ``Paired``: `baseline` (default when there is one), `start`, or another arm's name.
        public var versus: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case arm, metric, between, iteration, versus }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            let band = try c.decode([Double].self, forKey: .between)
            guard band.count == 2, band[0] <= band[1] else {
                throw YAMLProblem(
                    path: decoder.keyPath + ["between"],
                    message:
                        "a band is two numbers [lo, hi] with lo ≤ hi; got [\(band.map { Expectation.number($0) }.joined(separator: ", "))]"
                )
            }
            for v in band { try decoder.require(v, in: -1...1_000_000, "between") }
            (lower, upper) = (band[0], band[1])
            iteration = try c.decodeIfPresent(Int.self, forKey: .iteration)
            if let iteration { try decoder.require(iteration, in: 0...100_000, "iteration") }
            versus = try c.decodeIfPresent(String.self, forKey: .versus)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(arm, forKey: .arm)
            try c.encode(metric, forKey: .metric)
            try c.encode([lower, upper], forKey: .between)
            try c.encodeIfPresent(iteration, forKey: .iteration)
            try c.encodeIfPresent(versus, forKey: .versus)
        }
    }

    /// Bootstrap resamples of the replicate pairs behind a lift's interval.
    static let liftResamples = 10_000

    /// ``Lift`` on the replicate values `values` and their paired `refs` (same replicate order).
    static func evaluateLift(
        _ x: Lift, values: [Double], refs: [Double], refName: String
    ) -> (passed: Bool, measured: Double?, interval: ConfidenceInterval?, reason: String) {
        let n = values.count
        let refMean = Statistics.mean(refs)
        guard refMean > 0 else {
            return (false, nil, nil, "a lift is undefined: the mean of \(refName) is \(number(refMean)), not positive")
        }
        let lift = Statistics.mean(values) / refMean - 1
        // The percentile interval of the same statistic over replicate pairs drawn with
        // replacement; a fixed stream keyed by the arm and metric keeps it reproducible. A
        // resample whose reference mean is 0 has no lift, so the interval needs every reference > 0.
        var interval: ConfidenceInterval?
        if refs.allSatisfy({ $0 > 0 }) {
            let rng = RandomStream(
                seed: 0, purpose: "lift",
                ids: [StableHash.fnv1a(x.arm), StableHash.fnv1a(x.metric), StableHash.fnv1a(refName)])
            interval = Bootstrap.interval(
                (0..<n).map(Double.init), resamples: liftResamples, rng: rng
            ) { picks in
                let idx = picks.map { Int($0) }
                return idx.reduce(0) { $0 + values[$1] } / idx.reduce(0) { $0 + refs[$1] } - 1
            }
        }
        let passed = lift >= x.lower && lift <= x.upper
        let ci =
            interval.map { "bootstrap 95% CI \(number($0.lower)), \(number($0.upper)), not judged" }
            ?? (n < 2 ? "1 replicate, no interval" : "no interval: a reference value is 0")
        let verdict =
            passed
            ? "\(number(x.lower)) ≤ \(number(lift)) ≤ \(number(x.upper))"
            : (lift < x.lower ? "\(number(lift)) < \(number(x.lower))" : "\(number(lift)) > \(number(x.upper))")
        return (
            passed, lift, interval,
            "lift \(number(lift)) = \(number(Statistics.mean(values))) / \(number(refMean)) − 1 (means of n = \(n) replicate pairs; \(ci)); \(verdict)"
        )
    }
}
