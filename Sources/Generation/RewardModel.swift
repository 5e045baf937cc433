import FlywheelCore

/// A Bradley–Terry reward model over ``ReplyFeatures``: reply A is preferred to reply B with
/// probability `σ(r(A) − r(B) + bias)`, where `r(x) = w · features(x)` and `bias` absorbs the
/// agents' position bias towards A (it is learned but never used to score). Bradley & Terry,
/// "Rank analysis of incomplete block designs", Biometrika 1952; the logistic form on feature
/// differences is the usual reward-model objective (e.g. Ouyang et al. 2022, eq. 1).
///
/// Untrained, every weight is zero: all replies score alike and best-of-n keeps the
/// generator's baseline candidate.
///
/// ```swift
/// let rm = RewardModel().trained(on: examples)
/// let better = rm.score(replyA, ticket: t) > rm.score(replyB, ticket: t)
/// ```
public struct RewardModel: Hashable, Sendable, Codable {
    /// One weight per ``ReplyFeatures/names`` entry.
    public var weights: [Double]
    /// Learned log-odds of choosing A for reasons outside the features (position bias).
    public var positionBias: Double
    /// The sentence prior the `prior_sum` feature reads; the generator keeps it in step.
    public var prior: SentencePrior
    /// L2 strength of the fixed floor of the pull towards the previous weights.
    public var l2: Double
    /// How many weighted, informative pairs the model has seen in total.
    public var trainedPairs: Int
    /// Half-life in simulated days of what past pairs say (`.infinity`: never forgets).
    public var halfLifeDays: Double
    /// The information (Hessian of the log-likelihood) of the pairs seen so far, over
    /// [position bias] + weights, discounted by their age at ``trainedAt``: the precision of an
    /// online Laplace approximation of the model fitted on every past pair at once.
    public var information: [[Double]]?
    /// Simulated time of the last refit (nil: never, or fitted without a time).
    public var trainedAt: Timestamp?

    public init(l2: Double = 1, halfLifeDays: Double = 60, prior: SentencePrior = SentencePrior()) {
        self.weights = [Double](repeating: 0, count: ReplyFeatures.count)
        self.positionBias = 0
        self.prior = prior
        self.l2 = l2
        self.trainedPairs = 0
        self.halfLifeDays = halfLifeDays
        self.information = nil
        self.trainedAt = nil
    }

    /// Whether the model has never been trained on an informative pair.
    public var isUntrained: Bool { trainedPairs == 0 }

    /// The reward of `reply` for `ticket` (higher is better; only differences matter).
    public func score(_ reply: Reply, ticket: Ticket) -> Double {
        LogisticFit.dot(weights, ReplyFeatures.vector(reply, ticket: ticket, prior: prior))
    }

    func score(features: [Double]) -> Double { LogisticFit.dot(weights, features) }

    /// P(`a` preferred to `b`) by the model, without position bias.
    public func probability(_ a: Reply, over b: Reply, ticket: Ticket) -> Double {
        LogisticFit.sigmoid(score(a, ticket: ticket) - score(b, ticket: ticket))
    }

    /// The model refitted on `pairs`, regularised towards this model's weights.
    ///
    /// Forgetting is per unit of time: the pull towards the previous weights is the information
    /// of every past pair, discounted by 2^(−Δt/half-life) for the time since the last refit
    /// (plus a small fixed floor, `l2`), and each new pair is discounted by its ticket's age at
    /// `time`. So a weekly and a monthly cadence fit (to a quadratic approximation) the same
    /// time-discounted sum of every pair, refreshed at different times.
    ///
    /// Each pair is one logistic row on the feature difference A − B: choice `a` has target 1
    /// and `b` target 0, weighted by ``PreferenceMargin/weight`` (1, 2, 3; weight 1 when the
    /// margin is absent); a `tie` has target 0.5 and weight 1; `both_bad` is skipped, since it
    /// says nothing about which of the two is better. Pairs whose replies have identical
    /// features carry no information and are dropped. Fitted by Newton's method to
    /// convergence: a pure, deterministic function of (this model, pairs).
    public func trained(on pairs: [PreferenceExample], at time: Timestamp? = nil) -> RewardModel {
        trained(on: pairs, at: time) { ReplyFeatures.vector($0, ticket: $1, prior: prior) }
    }

    /// ``trained(on:)`` with `features(reply, ticket)` standing for
    /// `ReplyFeatures.vector(reply, ticket: ticket, prior: prior)` (which it must equal).
    func trained(
        on pairs: [PreferenceExample], at time: Timestamp? = nil, features: (Reply, Ticket) -> [Double]
    ) -> RewardModel {
        var rows: [[Double]] = []
        var targets: [Double] = []
        var weights: [Double] = []
        for p in pairs {
            let target: Double
            let weight: Double
            switch p.annotation.choice {
            case .a: (target, weight) = (1, p.annotation.margin?.weight ?? 1)
            case .b: (target, weight) = (0, p.annotation.margin?.weight ?? 1)
            case .tie: (target, weight) = (0.5, 1)
            case .bothBad: continue
            }
            let fa = features(p.a, p.ticket)
            let fb = features(p.b, p.ticket)
            let diff = zip(fa, fb).map { $0 - $1 }
            guard diff.contains(where: { $0 != 0 }) else { continue }
            rows.append([1] + diff)
            targets.append(target)
            weights.append(weight * HalfLife.retention(from: p.ticket.createdAt, to: time, halfLifeDays: halfLifeDays))
        }
        guard !rows.isEmpty else { return self }
        let keep = HalfLife.retention(from: trainedAt, to: time, halfLifeDays: halfLifeDays)
        let past = information.map { $0.map { $0.map { $0 * keep } } }
        let (beta, hessian) = LogisticFit.fit(
            rows: rows, targets: targets, weights: weights,
            center: [positionBias] + self.weights,
            l2: [Double](repeating: l2, count: ReplyFeatures.count + 1), precision: past)
        var next = self
        next.positionBias = beta[0]
        next.weights = Array(beta.dropFirst())
        next.trainedPairs += rows.count
        next.information = past.map { p in zip(p, hessian).map { zip($0, $1).map(+) } } ?? hessian
        if time != nil { next.trainedAt = time }
        return next
    }
}
