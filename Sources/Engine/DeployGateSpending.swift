import FlywheelCore

/// How a job's deploy gate spends its false-ship budget α over the run (``DeployGateLedger``).
/// Either way the levels of a job's tests sum to at most α, so the chance that any candidate
/// no better than the deployed model ships during the run is at most α (a union bound, valid
/// however the tests depend on each other).
///
/// - ``tests``: the k-th test runs at α/(k(k + 1)), whatever its time. It needs no horizon,
///   but the level falls with the number of tests, so an arm that retrains often tests its
///   later candidates far more strictly than one that retrains rarely: the 13th weekly test
///   runs at α/182, the 2nd quarterly one at α/6.
/// - ``time``: a test at simulated time t spends the budget accrued since the job's previous
///   test (or the run's start) at a constant rate over the run, α·(t − t_prev)/(end − start),
///   like the α-spending of group-sequential designs over information time. Every arm spends
///   the same budget per quarter whatever its cadence (weekly tests of a 26-week run each get
///   α/26, quarterly ones α/2), and a retraining without a test leaves its share to the next.
public enum DeployGateSpending: String, ClosedVocabulary, Hashable {
    case tests
    case time

    /// α/(k(k + 1)) for the k-th test, k ≥ 1.
    static func level(test k: Int, alpha: Double) -> Double {
        alpha / (Double(k) * Double(k + 1))
    }

    /// α·(t − previous)/(end − start): the share of the run between the previous test (or the
    /// start) and this one, the times clamped to the run; 0 for an empty run.
    static func level(from previous: Timestamp, to t: Timestamp, run: ClosedRange<Timestamp>, alpha: Double)
        -> Double
    {
        let length = Double((run.upperBound - run.lowerBound).seconds)
        let from = min(max(previous, run.lowerBound), run.upperBound)
        let to = min(max(t, run.lowerBound), run.upperBound)
        guard length > 0, to > from else { return 0 }
        return alpha * Double((to - from).seconds) / length
    }
}
