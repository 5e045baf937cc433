import Evaluation
import FlywheelCore

/// `flywheel check --baseline RESULTS`: this run's learning curves against a stored run of the
/// same scenario (main's), paired by seed and replicate. For each arm both runs have and each
/// compared metric, the gap is this run − the stored run; the check fails when the mean gap over
/// the curve (iterations 1…last) or the gap at the last iteration is below −tolerance.
///
/// The tolerance is a share of the metric's range (0.02 → 0.02 for a 0–1 metric, 0.08 for
/// helpfulness on 1–5). The rule is on the paired point estimates; their 95% intervals are
/// reported. An unchanged system on the same seed gives gaps of exactly 0.
public struct BaselineCheck: Sendable {
    public static let defaultTolerance = 0.02

    /// One arm × metric comparison.
    public struct Verdict: Sendable {
        public var name: String
        public var passed: Bool
        public var gap: CurveGap
        /// The absolute tolerance in the metric's units.
        public var tolerance: Double
        public var reason: String
    }

    /// A share of each metric's range.
    public var tolerance: Double = defaultTolerance
    /// The metrics compared; nil: every headline metric both runs have.
    public var metrics: [String]?

    public init(tolerance: Double = defaultTolerance, metrics: [String]? = nil) {
        self.tolerance = tolerance
        self.metrics = metrics
    }

    /// Compares `current` with `stored` (named `storedName` in messages). Throws when the runs
    /// cannot be paired: no arm in common, a named metric absent, different iteration counts.
    public func compare(stored: [MetricRow], current: [MetricRow], storedName: String) throws -> [Verdict] {
        let arms = Set(stored.map(\.arm)).intersection(current.map(\.arm)).sorted()
        guard !arms.isEmpty else {
            throw InputError(
                file: storedName,
                "shares no arm with this run (stored: \(Set(stored.map(\.arm)).sorted().joined(separator: ", ")))")
        }
        var verdicts: [Verdict] = []
        for arm in arms {
            let present = Set(stored.filter { $0.arm == arm }.map(\.metric)).intersection(
                current.filter { $0.arm == arm }.map(\.metric))
            let wanted = metrics ?? EngineMetric.headline(among: present)
            for metric in wanted {
                guard present.contains(metric) else {
                    throw InputError(file: storedName, "metric \(metric) is not in both runs for arm \(arm)")
                }
                let (a, b) = (
                    CurveGap.iterations(stored, arm: arm, metric: metric),
                    CurveGap.iterations(current, arm: arm, metric: metric)
                )
                guard a == b, let gap = CurveGap(from: stored, to: current, arm: arm, metric: metric) else {
                    throw InputError(
                        file: storedName,
                        "arm \(arm) \(metric): the stored run has \(a) evaluations, this run \(b); curves of different horizons cannot be paired"
                    )
                }
                verdicts.append(verdict(gap))
            }
        }
        return verdicts
    }

    func verdict(_ gap: CurveGap) -> Verdict {
        let range = EngineMetric.range(of: gap.metric).map { $0.upperBound - $0.lowerBound } ?? 1
        let t = tolerance * range
        let belowArea = gap.area.mean < -t, belowFinal = gap.final.mean < -t
        let passed = !(belowArea || belowFinal)
        let what =
            passed
            ? "within"
            : belowArea && belowFinal ? "mean and final gap below" : belowArea ? "mean gap below" : "final gap below"
        let reason =
            "this − stored, paired over \(gap.replicates) replicate(s): mean gap over the curve \(Self.show(gap.area)), "
            + "final \(Self.show(gap.final)); \(what) −\(SummaryTable.fmt(t)) (tolerance \(tolerance) of the range)"
        return Verdict(
            name: "baseline \(gap.arm) \(gap.metric)", passed: passed, gap: gap, tolerance: t, reason: reason)
    }

    static func show(_ e: RunSummary.Estimate) -> String {
        SummaryTable.signed(e.mean) + (e.lower == nil ? "" : " " + SummaryTable.interval(e))
    }
}
