import FlywheelCore
import World

/// One `expect:` assertion of a scenario, checked by `flywheel check` on the replicates' 95%
/// confidence intervals (docs/checks.md). In YAML each list entry is a one-key mapping:
///
/// ```yaml
/// expect:
///   - improves: {arm: aitl, metric: adoption, by: 0.05, versus: baseline}
///   - converges: {arm: aitl, metric: adoption, within: 6, tolerance: 0.03, window: 3}
///   - never_regresses: {arm: aitl, metric: helpfulness, more_than: 0.1}
///   - at_least: {arm: aitl, metric: recall@75, value: 0.5}
///   - at_most: {arm: aitl, metric: agent_minutes, value: 900, iteration: 4}
///   - no_gain: {arm: random, metric: recall@75}     # a negative control: no evidence of a gain
///   - no_loss: {arm: oracle, metric: precision@8}   # perfect feedback never hurts
///   - stable: {arm: aitl, metric: ndcg@10, share: 0.9}  # no replicate collapses
///   - lift: {arm: aitl, metric: recall@75, between: [0.0878, 0.1463]}  # a relative lift in a band
/// ```
///
/// The exact rules are in ``Expectation/evaluate(rows:baseline:)`` and `docs/checks.md`.
public enum Expectation: Codable, Sendable, Hashable {
    case improves(Improves)
    case converges(Converges)
    case neverRegresses(NeverRegresses)
    case atLeast(Bound)
    case atMost(Bound)
    case noGain(Paired)
    case noLoss(Paired)
    case stable(Stable)
    case lift(Lift)

    /// The assertion kinds, as spelled in YAML.
    public enum Kind: String, CaseIterable, Sendable, CodingKey {
        case improves, converges
        case neverRegresses = "never_regresses"
        case atLeast = "at_least"
        case atMost = "at_most"
        case noGain = "no_gain"
        case noLoss = "no_loss"
        case stable, lift
    }

    /// What an improvement is measured against.
    public enum Reference: String, ClosedVocabulary {
        /// The baseline arm at the same iteration, paired by replicate.
        case baseline
        /// The same arm at iteration 0, paired by replicate.
        case start
    }

    /// `improves`: the lower 95% bound of the improvement is at least `by`.
    public struct Improves: Codable, Sendable, Hashable {
        public var arm: String
        public var metric: String
        public var by: Double
        /// `by` is a share of the reference value (0.05 = +5%) instead of an absolute change.
        public var relative = false
        /// The iteration compared; nil = the last one.
        public var byIteration: Int?
        /// nil = the baseline arm when the scenario has one (and it is another arm), else `start`.
        public var versus: Reference?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case arm, metric, by, relative, versus
            case byIteration = "by_iteration"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            by = try c.decode(Double.self, forKey: .by)
            try decoder.require(by, in: -1_000_000...1_000_000, "by")
            relative = try c.decodeIfPresent(Bool.self, forKey: .relative) ?? false
            byIteration = try c.decodeIfPresent(Int.self, forKey: .byIteration)
            if let byIteration { try decoder.require(byIteration, in: 0...100_000, "by_iteration") }
            if let raw = try c.decodeIfPresent(String.self, forKey: .versus) {
                guard let v = Reference(rawValue: raw) else {
                    throw YAMLProblem(
                        path: decoder.keyPath + ["versus"],
                        message: "'\(raw)' is not one of: \(Reference.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                versus = v
            }
        }
    }

    /// `converges`: some window of `window` consecutive iterations starting at or before
    /// iteration `within` has a mean curve whose spread (max − min) is at most `tolerance`, the
    /// curve stays within `tolerance` of that window's mean to the end of the run, and that mean
    /// lies at least `min_change` away from iteration 0's (a flat curve that never learned fails).
    public struct Converges: Codable, Sendable, Hashable {
        /// The default `min_change`: one point of a 0–1 metric.
        public static let defaultMinChange = 0.01

        public var arm: String
        public var metric: String
        public var within: Int
        public var tolerance: Double
        public var window = 3
        /// Least |settled level − iteration 0| for the curve to count as having learned; 0 turns
        /// the requirement off.
        public var minChange = Converges.defaultMinChange
        enum CodingKeys: String, CodingKey, CaseIterable {
            case arm, metric, within, tolerance, window
            case minChange = "min_change"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            within = try c.decode(Int.self, forKey: .within)
            try decoder.require(within, in: 0...100_000, "within")
            tolerance = try c.decode(Double.self, forKey: .tolerance)
            try decoder.require(tolerance, in: 0...1_000_000, "tolerance")
            window = try c.decodeIfPresent(Int.self, forKey: .window) ?? 3
            try decoder.require(window, in: 2...1000, "window")
            minChange = try c.decodeIfPresent(Double.self, forKey: .minChange) ?? Self.defaultMinChange
            try decoder.require(minChange, in: 0...1_000_000, "min_change")
        }
    }

    /// `never_regresses`: at no iteration does the mean fall more than `more_than` below the best
    /// mean of the iterations before it (paired by replicate; see the notes).
    public struct NeverRegresses: Codable, Sendable, Hashable {
        public var arm: String
        public var metric: String
        public var moreThan: Double
        enum CodingKeys: String, CodingKey, CaseIterable {
            case arm, metric
            case moreThan = "more_than"
        }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            moreThan = try c.decode(Double.self, forKey: .moreThan)
            try decoder.require(moreThan, in: 0...1_000_000, "more_than")
        }
    }

    /// `at_least` / `at_most`: the lower (upper) 95% bound at `iteration` (default: the last) is
    /// at least (at most) `value`.
    public struct Bound: Codable, Sendable, Hashable {
        public var arm: String
        public var metric: String
        public var value: Double
        public var iteration: Int?
        enum CodingKeys: String, CodingKey, CaseIterable { case arm, metric, value, iteration }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            value = try c.decode(Double.self, forKey: .value)
            iteration = try c.decodeIfPresent(Int.self, forKey: .iteration)
            if let iteration { try decoder.require(iteration, in: 0...100_000, "iteration") }
        }
    }

    /// `no_gain` / `no_loss`: the paired 95% interval of the difference to the reference (the
    /// baseline arm by default) at `iteration` (default: the last) does not lie entirely above
    /// (below) 0 — the controls' assertions: zero-skill labels gain nothing, perfect labels never
    /// hurt.
    public struct Paired: Codable, Sendable, Hashable {
        public var arm: String
        public var metric: String
        public var iteration: Int?
        /// `baseline` (default when the scenario has one), `start` (iteration 0), or the name of
        /// another arm — so a chain of `no_loss` entries checks that gains fall monotonically.
        public var versus: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case arm, metric, iteration, versus }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            iteration = try c.decodeIfPresent(Int.self, forKey: .iteration)
            if let iteration { try decoder.require(iteration, in: 0...100_000, "iteration") }
            versus = try c.decodeIfPresent(String.self, forKey: .versus)
        }
    }

    /// `stable`: in every replicate, the arm's value at `iteration` (default the last) is at
    /// least `share` times the reference's value in the same replicate — no single replicate
    /// collapses, whatever the mean does.
    public struct Stable: Codable, Sendable, Hashable {
        /// The default `share`: 90% of the reference.
        public static let defaultShare = 0.9
        public var arm: String
        public var metric: String
        public var share = Stable.defaultShare
        public var iteration: Int?
        /// As in ``Paired``: `baseline` (default), `start`, or another arm's name.
        public var versus: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case arm, metric, share, iteration, versus }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            arm = try c.decode(String.self, forKey: .arm)
            metric = try c.decode(String.self, forKey: .metric)
            share = try c.decodeIfPresent(Double.self, forKey: .share) ?? Self.defaultShare
            try decoder.require(share, in: 0...10, "share")
            iteration = try c.decodeIfPresent(Int.self, forKey: .iteration)
            if let iteration { try decoder.require(iteration, in: 0...100_000, "iteration") }
            versus = try c.decodeIfPresent(String.self, forKey: .versus)
        }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Kind.self)
        let c = try decoder.container(keyedBy: Kind.self)
        guard c.allKeys.count == 1, let kind = c.allKeys.first else {
            throw YAMLProblem(
                path: decoder.keyPath,
                message:
                    "an expectation is a mapping with exactly one of: \(Kind.allCases.map(\.stringValue).joined(separator: ", "))"
            )
        }
        switch kind {
        case .improves: self = .improves(try c.decode(Improves.self, forKey: kind))
        case .converges: self = .converges(try c.decode(Converges.self, forKey: kind))
        case .neverRegresses: self = .neverRegresses(try c.decode(NeverRegresses.self, forKey: kind))
        case .atLeast: self = .atLeast(try c.decode(Bound.self, forKey: kind))
        case .atMost: self = .atMost(try c.decode(Bound.self, forKey: kind))
        case .noGain: self = .noGain(try c.decode(Paired.self, forKey: kind))
        case .noLoss: self = .noLoss(try c.decode(Paired.self, forKey: kind))
        case .stable: self = .stable(try c.decode(Stable.self, forKey: kind))
        case .lift: self = .lift(try c.decode(Lift.self, forKey: kind))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Kind.self)
        switch self {
        case .improves(let x): try c.encode(x, forKey: .improves)
        case .converges(let x): try c.encode(x, forKey: .converges)
        case .neverRegresses(let x): try c.encode(x, forKey: .neverRegresses)
        case .atLeast(let x): try c.encode(x, forKey: .atLeast)
        case .atMost(let x): try c.encode(x, forKey: .atMost)
        case .noGain(let x): try c.encode(x, forKey: .noGain)
        case .noLoss(let x): try c.encode(x, forKey: .noLoss)
        case .stable(let x): try c.encode(x, forKey: .stable)
        case .lift(let x): try c.encode(x, forKey: .lift)
        }
    }

    public var kind: Kind {
        switch self {
        case .improves: .improves
        case .converges: .converges
        case .neverRegresses: .neverRegresses
        case .atLeast: .atLeast
        case .atMost: .atMost
        case .noGain: .noGain
        case .noLoss: .noLoss
        case .stable: .stable
        case .lift: .lift
        }
    }

    /// The arm and metric the assertion is about.
    public var target: (arm: String, metric: String) {
        switch self {
        case .improves(let x): (x.arm, x.metric)
        case .converges(let x): (x.arm, x.metric)
        case .neverRegresses(let x): (x.arm, x.metric)
        case .atLeast(let x), .atMost(let x): (x.arm, x.metric)
        case .noGain(let x), .noLoss(let x): (x.arm, x.metric)
        case .stable(let x): (x.arm, x.metric)
        case .lift(let x): (x.arm, x.metric)
        }
    }

}
