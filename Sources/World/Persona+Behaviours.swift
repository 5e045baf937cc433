import FlywheelCore

/// Pairwise preference between A (shown first) and B.
///
/// The agent perceives the quality difference `d = qA − qB` of the two replies' true quality
/// (``QualityBreakdown/total``) through Bradley–Terry noise of temperature `noise` (T):
/// `P(A) = σ(d / T) + position_bias + length_bias·s` (clamped to [0, 1]), where `s` is +1 when
/// A has more words, −1 when B has, 0 when equal — so the biases shift the choice rate by exactly
/// their value, in probability units. Draw `u ~ U(0,1)`; the perceived difference is
/// `d̃ = T·(logit P(A) − logit u)`, positive exactly when A is chosen; its size sets the margin
/// (`slightly` below `margins[1]`, `clearly` below `margins[2]`, else `much`; `margins[0]` is the
/// smallest difference worth a preference at all and widens the tie band). `|d̃| ≤ max(tie_band,
/// margins[0])` is a tie. Before that, `both_bad` (if set) is judged: both replies are bad when
/// `max(qA, qB) + T·L < both_bad` with logistic L.
///
/// Ends: `noise: 0` gives `d̃ = d` (argmax; exact ties at `|d| ≤ tie_band`); `noise: .inf` gives
/// a coin flip (plus biases) with margins drawn at the `clearly` scale, independent of quality.
public struct PreferenceBehaviour: Codable, Sendable, Hashable {
    /// Bradley–Terry temperature on the 0–1 quality scale; 0 = exact, `.inf` = coin flip.
    public var noise: Double
    /// Added to the probability of choosing A, the reply shown first.
    public var positionBias: Double
    /// Added to the probability of choosing the longer reply.
    public var lengthBias: Double
    /// Quality-difference thresholds for [slightly, clearly, much] better, non-decreasing.
    public var margins: [Double]
    /// Perceived differences at or below this are ties.
    public var tieBand: Double
    /// Quality below which both replies are "both bad"; absent = never.
    public var bothBad: Double?

    public init(
        noise: Double, positionBias: Double = 0, lengthBias: Double = 0,
        margins: [Double] = PreferenceBehaviour.defaultMargins, tieBand: Double = 0.02, bothBad: Double? = nil
    ) {
        self.noise = noise
        self.positionBias = positionBias
        self.lengthBias = lengthBias
        self.margins = margins
        self.tieBand = tieBand
        self.bothBad = bothBad
    }

    /// [slightly, clearly, much] thresholds used when none are given.
    public static let defaultMargins: [Double] = [0.05, 0.15, 0.30]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case noise, margins
        case positionBias = "position_bias"
        case lengthBias = "length_bias"
        case tieBand = "tie_band"
        case bothBad = "both_bad"
    }
}

/// What the agent does with suggestion A.
///
/// `P(adopt) = σ(slope·(qA − threshold) + logit(trust) − logit(trust.initial))`: the configured
/// logistic while trust is at its initial value. Trust is an exponential moving average of the
/// true quality of the suggestions the agent has seen (`trust += rate·(qA − trust)`, kept in
/// [0.01, 0.99]), so good suggestions raise later adoption and bad ones lower it. Adopted
/// replies are edited with probability `edit_share`, else used as-is. Edited and rejected
/// replies carry a rationale (``RationaleBehaviour``).
///
/// Ends: `slope: .inf` is a step at the threshold (`qA ≥ threshold` adopts); `slope: 0` with
/// `rate: 0` adopts with probability ½, independent of quality.
public struct AdoptionBehaviour: Codable, Sendable, Hashable {
    public struct Trust: Codable, Sendable, Hashable {
        public var initial: Double
        public var rate: Double
        public init(initial: Double = 0.5, rate: Double = 0) {
            self.initial = initial
            self.rate = rate
        }
        enum CodingKeys: String, CodingKey, CaseIterable { case initial, rate }
    }

    public var threshold: Double
    public var slope: Double
    public var editShare: Double
    public var trust: Trust

    public init(threshold: Double, slope: Double, editShare: Double = 0.4, trust: Trust = .init()) {
        self.threshold = threshold
        self.slope = slope
        self.editShare = editShare
        self.trust = trust
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case threshold, slope, trust
        case editShare = "edit_share"
    }
}

/// The reason given for an edit or rejection: the true failure with probability `accuracy`
/// (times fatigue), else a category drawn uniformly from the true one's confusion
/// neighbourhood (``RationaleCategory/confusable``), or — with `confusion: uniform` — from all
/// seven categories (so `accuracy: 0, confusion: uniform` is independent of the truth).
public struct RationaleBehaviour: Codable, Sendable, Hashable {
    public enum Confusion: String, Codable, Sendable, CaseIterable {
        case neighbours, uniform
    }
    public var accuracy: Double
    public var confusion: Confusion?

    public init(accuracy: Double, confusion: Confusion? = nil) {
        self.accuracy = accuracy
        self.confusion = confusion
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case accuracy, confusion }
}

/// Knowledge-relevance checks on the shown top-8: `checks` articles (from the top, or at random
/// with `pick: random`), each marked relevant with probability `sensitivity` when it is relevant
/// in the qrels and `1 − specificity` when not. 1/1 is exact; 0.5/0.5 is a coin flip.
///
/// `link_missed` is how often the agent, answering from an article the list did not show, looks
/// it up and links it (a relevance mark with rank 0); `search_skill` (default 1) is how well it
/// knows when the list missed and finds the right article: at 1 it links exactly the needed
/// (grade ≥ 2) published articles the list missed, at 0 a uniformly random published article,
/// whatever the truth (see `SimulatedAgent.links`).
public struct RelevanceBehaviour: Codable, Sendable, Hashable {
    public enum Pick: String, Codable, Sendable, CaseIterable {
        case top, random
    }
    public var checks: Int
    public var sensitivity: Double
    public var specificity: Double
    public var pick: Pick?
    public var linkMissed: Double?
    public var searchSkill: Double?

    /// When an agent guesses (does not know) whether the list missed the answer, it searches on
    /// this share of its `link_missed` rate: a fixed rate, independent of the ticket.
    public static let guessRate = 0.25

    public init(
        checks: Int, sensitivity: Double, specificity: Double, pick: Pick? = nil, linkMissed: Double? = nil,
        searchSkill: Double? = nil
    ) {
        self.checks = checks
        self.sensitivity = sensitivity
        self.specificity = specificity
        self.pick = pick
        self.linkMissed = linkMissed
        self.searchSkill = searchSkill
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case checks, sensitivity, specificity, pick
        case linkMissed = "link_missed"
        case searchSkill = "search_skill"
    }
}

/// Missing-knowledge flags: with probability `detection` when a relevant article of the ticket
/// is not published, `false_flag` otherwise. 1/0 is exact; equal values are independent of the
/// truth.
public struct MissingKnowledgeBehaviour: Codable, Sendable, Hashable {
    public var detection: Double
    public var falseFlag: Double

    public init(detection: Double, falseFlag: Double) {
        self.detection = detection
        self.falseFlag = falseFlag
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case detection
        case falseFlag = "false_flag"
    }
}
