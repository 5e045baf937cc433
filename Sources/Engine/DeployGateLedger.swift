import FlywheelCore

/// What one job's deploy gate remembers across retrainings, for one learned stage: the held-out
/// validation items it has collected so far (the most recent `capacity`), how many tests it has
/// run, and the deployed model's memoised per-item scores.
///
/// **Alpha spending** (``DeployGateSpending``). By default the k-th test (k = 1, 2, …) of a job
/// runs at the one-sided level α_k = α / (k(k + 1)); with `time` spending, at the share of α the
/// simulated time since the previous test is of the run. Either way the levels sum to at most
/// α, so the chance that *any* candidate no better than the deployed model ships during the run
/// is at most α, however many retrainings the run has and however the tests depend on each
/// other (a union bound). A fixed 5% per test lets
/// a model trained on labels without information through in 1 − 0.95²³ ≈ 69% of 23-week runs;
/// that is what issue #12 measured on DSTC11 with zero-skill agents (3 of 5 replicates shipped
/// a random-label reranker). The price is power on later tests, which the growing validation
/// set pays back: the held-out items of every cycle stay (up to `capacity`), so a real
/// improvement is tested on more and more evidence.
struct DeployGateLedger<Item> {
    /// Held-out items, oldest first, at most `capacity`.
    private(set) var items: [Item] = []
    /// Tests run so far in this job.
    private(set) var tests = 0
    /// The deployed model's score of each held-out item, valid while `memoKey` matches.
    private var memo: (key: [Int], scores: [Double])?
    /// The scores of the candidate tested last, of `items` as they were then (see
    /// ``tested(_:)`` and ``deployedTested(key:)``).
    private var candidate: [Double]?

    /// Adds a cycle's held-out items, dropping the oldest beyond `capacity`.
    mutating func add(_ new: [Item], capacity: Int) {
        items += new
        if items.count > capacity {
            let dropped = items.count - capacity
            items.removeFirst(dropped)
            if let m = memo { memo = (m.key, Array(m.scores.dropFirst(min(dropped, m.scores.count)))) }
        }
        candidate = nil
    }

    /// When the previous test ran (nil before the first).
    private(set) var lastTest: Timestamp?

    /// The level of the next test, run at `time` in the job's `run`, as `spending` spends α;
    /// counting it as run.
    mutating func nextLevel(
        alpha: Double, spending: DeployGateSpending, at time: Timestamp, run: ClosedRange<Timestamp>
    ) -> Double {
        tests += 1
        defer { lastTest = time }
        switch spending {
        case .tests: return DeployGateSpending.level(test: tests, alpha: alpha)
        case .time:
            return DeployGateSpending.level(from: lastTest ?? run.lowerBound, to: time, run: run, alpha: alpha)
        }
    }

    /// The deployed model's scores of every held-out item: the memoised ones when the deployed
    /// model (identified by `key`) is unchanged, computed for the new items only.
    mutating func deployedScores(key: [Int], score: ([Item]) throws -> [Double]) rethrows -> [Double] {
        var known = knownDeployedScores(key: key)
        if known.count < items.count { known += try score(Array(items[known.count...])) }
        memo = (key, known)
        return known
    }

    /// The memoised scores of the deployed model identified by `key`, of the first items (none
    /// when the model changed): the items after them are those ``deployedScores(key:score:)``
    /// would score. For a caller that scores them elsewhere (another thread) and hands the
    /// result to ``deployedScores(key:adding:)``.
    func knownDeployedScores(key: [Int]) -> [Double] {
        if let m = memo, m.key == key { return m.scores }
        return []
    }

    /// ``deployedScores(key:score:)`` with the scores of the items after the known ones given.
    mutating func deployedScores(key: [Int], adding new: [Double]) -> [Double] {
        deployedScores(key: key) { missing in
            precondition(missing.count == new.count, "scores of the items without a memoised score")
            return new
        }
    }

    /// Records the scores a candidate got on the current `items` (the test's evidence).
    mutating func tested(_ scores: [Double]) {
        candidate = scores.count == items.count ? scores : nil
    }

    /// The tested candidate became the deployed model, identified by `key`: its scores are the
    /// deployed model's from now on (scores are a pure function of model and item), so the next
    /// test does not score the same items with the same model again.
    mutating func deployedTested(key: [Int]) {
        if let candidate { memo = (key, candidate) }
        candidate = nil
    }
}
