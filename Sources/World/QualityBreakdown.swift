import FlywheelCore

/// The judge's view of one reply for one ticket: the four parts of true quality, their
/// weighted total, and the dominant failure.
///
/// Every part is in [0, 1]. `failure` is the category a perfectly accurate agent would give
/// when editing or rejecting the reply; `nil` when the reply is good (``JudgeConfig/goodQuality``
/// or better and nothing contradicts a needed fact).
public struct QualityBreakdown: Sendable, Hashable {
    /// Share of the ticket's nuggets the reply states (or content-word recall of the reference).
    public var coverage: Double
    /// 1 when nothing contradicts a needed fact; falls geometrically per contradicting sentence.
    public var correctness: Double
    /// Share of the reply's sentences taken from relevant articles.
    public var focus: Double
    /// Length-band fit × tone fit.
    public var fit: Double
    /// `correctness ×` the weighted mean of coverage, focus and fit (``JudgeConfig/Weights``).
    public var total: Double
    /// The dominant true failure, `nil` when the reply is good.
    public var failure: RationaleCategory?

    public init(
        coverage: Double, correctness: Double, focus: Double, fit: Double, total: Double,
        failure: RationaleCategory?
    ) {
        self.coverage = coverage
        self.correctness = correctness
        self.focus = focus
        self.fit = fit
        self.total = total
        self.failure = failure
    }
}
