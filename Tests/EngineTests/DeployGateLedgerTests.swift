import FlywheelCore
import Testing

@testable import Engine

/// The deploy gate's memory across retrainings: alpha spending, the validation window, the memo.
@Suite struct DeployGateLedgerTests {
    /// Σ α/(k(k+1)) telescopes to α(1 − 1/(K+1)): the whole run's false-ship budget is never
    /// exceeded, however many tests it holds.
    @Test func levelsSpendAtMostAlphaOverAnyNumberOfTests() {
        var ledger = DeployGateLedger<Int>()
        var spent = 0.0
        for k in 1...10_000 {
            let level = ledger.nextCountedLevel(alpha: 0.05)
            #expect(level == 0.05 / (Double(k) * Double(k + 1)))
            spent += level
        }
        #expect(spent < 0.05)
        #expect(abs(spent - 0.05 * (1 - 1 / 10_001.0)) < 1e-12)
        #expect(ledger.tests == 10_000)
    }

    @Test func keepsTheMostRecentItemsUpToCapacity() {
        var ledger = DeployGateLedger<Int>()
        ledger.add([1, 2, 3], capacity: 4)
        ledger.add([4, 5, 6], capacity: 4)
        #expect(ledger.items == [3, 4, 5, 6])
    }

    /// The deployed model's scores are computed once per item while it stays deployed, stay
    /// aligned with the items when old ones drop out, and are recomputed when it changes.
    @Test func memoScoresOnlyNewItemsWhileTheDeployedModelIsUnchanged() {
        var ledger = DeployGateLedger<Int>()
        var scored: [Int] = []
        let score: ([Int]) -> [Double] = { items in
            scored += items
            return items.map { Double($0) * 10 }
        }
        ledger.add([1, 2], capacity: 3)
        #expect(ledger.deployedScores(key: [1], score: score) == [10, 20])
        ledger.add([3, 4], capacity: 3)
        #expect(ledger.deployedScores(key: [1], score: score) == [20, 30, 40])
        #expect(scored == [1, 2, 3, 4])
        #expect(ledger.deployedScores(key: [2], score: score) == [20, 30, 40])
        #expect(scored == [1, 2, 3, 4, 2, 3, 4])
    }

    /// The deployed model's scores of the items after its memoised ones may be computed
    /// elsewhere (on a retraining thread) and handed in: the memo ends the same.
    @Test func scoresComputedElsewhereCompleteTheMemoAlike() {
        let score: ([Int]) -> [Double] = { $0.map { Double($0) * 10 } }
        var here = DeployGateLedger<Int>()
        var elsewhere = here
        for (batch, key) in [([1, 2], [1]), ([3, 4], [1]), ([5], [2])] {
            here.add(batch, capacity: 3)
            elsewhere.add(batch, capacity: 3)
            let known = elsewhere.knownDeployedScores(key: key).count
            let new = score(Array(elsewhere.items[known...]))
            #expect(elsewhere.deployedScores(key: key, adding: new) == here.deployedScores(key: key, score: score))
        }
        #expect(here.knownDeployedScores(key: [2]) == [30, 40, 50])
        #expect(elsewhere.knownDeployedScores(key: [2]) == [30, 40, 50])
        #expect(elsewhere.knownDeployedScores(key: [1]).isEmpty)
    }

    /// A candidate that passes its test becomes the deployed model: the scores it got in the
    /// test are the deployed model's, and the next test scores only the items added since.
    @Test func aShippedCandidatesTestScoresAreTheDeployedScores() {
        var ledger = DeployGateLedger<Int>()
        var scored: [Int] = []
        let deployed: ([Int]) -> [Double] = { items in
            scored += items
            return items.map { Double($0) }
        }
        ledger.add([1, 2], capacity: 3)
        _ = ledger.deployedScores(key: [1], score: deployed)
        ledger.tested([11, 12])
        ledger.deployedTested(key: [2])
        ledger.add([3, 4], capacity: 3)
        let candidate: ([Int]) -> [Double] = { items in
            scored += items
            return items.map { Double($0) + 100 }
        }
        // item 1 dropped out; 2 keeps the score it got as a candidate; 3 and 4 are new
        #expect(ledger.deployedScores(key: [2], score: candidate) == [12, 103, 104])
        #expect(scored == [1, 2, 3, 4])
    }

    /// Test scores describe the items of their test: after new items arrive, or under another
    /// key, they are not used.
    @Test func testScoresAreForgottenWhenTheItemsOrTheModelDiffer() {
        var ledger = DeployGateLedger<Int>()
        let score: ([Int]) -> [Double] = { $0.map { Double($0) } }
        ledger.add([1, 2], capacity: 5)
        ledger.tested([11, 12])
        ledger.add([3], capacity: 5)
        ledger.deployedTested(key: [2])
        #expect(ledger.deployedScores(key: [2], score: score) == [1, 2, 3])
        ledger.tested([21, 22, 23])
        ledger.deployedTested(key: [3])
        #expect(ledger.deployedScores(key: [4], score: score) == [1, 2, 3])
    }
}

/// `time` spending (``DeployGateSpending/time``): the budget accrues at a constant rate over the
/// run, whatever the cadence.
@Suite struct DeployGateTimeSpendingTests {
    let start = Timestamp(secondsSinceEpoch: 1_000_000)
    var run: ClosedRange<Timestamp> { start...(start + .days(7 * 26)) }

    /// The levels of tests at `weeks` (weeks since the run's start).
    func levels(at weeks: [Int], alpha: Double = 0.05) -> [Double] {
        var ledger = DeployGateLedger<Int>()
        return weeks.map { ledger.nextLevel(alpha: alpha, spending: .time, at: start + .days(7 * $0), run: run) }
    }

    /// Weekly tests of a 26-week run each get α/26, quarterly ones α/2: per quarter both arms
    /// spend α/2, and neither spends more than α over the run.
    @Test func everyCadenceSpendsTheSameBudgetPerUnitOfTime() {
        let weekly = levels(at: Array(1...26))
        let quarterly = levels(at: [13, 26])
        for level in weekly { #expect(abs(level - 0.05 / 26) < 1e-15) }
        #expect(quarterly.map { abs($0 - 0.025) < 1e-15 } == [true, true])
        #expect(abs(weekly[0..<13].reduce(0, +) - quarterly[0]) < 1e-12)
        #expect(abs(weekly.reduce(0, +) - 0.05) < 1e-12)
        #expect(abs(quarterly.reduce(0, +) - 0.05) < 1e-12)
    }

    /// Unlike `tests` spending, the level does not fall with the number of tests run: the 13th
    /// weekly test runs at α/26 here, 7 times its α/182 under `tests`.
    @Test func theLevelDoesNotFallWithTheNumberOfTests() {
        let weekly = levels(at: Array(1...26))
        #expect(weekly[12] == weekly[0])
        var counted = DeployGateLedger<Int>()
        let thirteenth = (1...13).map { _ in counted.nextCountedLevel(alpha: 0.05) }.last!
        #expect(abs(thirteenth - 0.05 / 182) < 1e-15)
        #expect(abs(weekly[12] - 7 * thirteenth) < 1e-15)  // 182 / 26
    }

    /// A retraining without a test (no evidence) spends nothing: its share goes to the next test.
    @Test func aSkippedTestLeavesItsShareToTheNext() {
        #expect(levels(at: [1, 4]).map { ($0 * 26 / 0.05 * 1e9).rounded() / 1e9 } == [1, 3])
    }

    /// Times outside the run spend nothing beyond it: the levels never sum past α.
    @Test func aTestAfterTheRunsEndSpendsNothingMore() {
        let l = levels(at: [26, 30])
        #expect(abs(l[0] - 0.05) < 1e-12)
        #expect(l[1] == 0)
        #expect(!DeployGateCheck.passes(candidate: [1, 1, 1], deployed: [0, 0, 0], level: l[1], tolerance: 0))
    }
}

extension DeployGateLedger {
    /// The next level under `tests` spending, which reads neither the time nor the run.
    fileprivate mutating func nextCountedLevel(alpha: Double) -> Double {
        let t = Timestamp(secondsSinceEpoch: 0)
        return nextLevel(alpha: alpha, spending: .tests, at: t, run: t...t)
    }
}
