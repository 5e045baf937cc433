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
            let level = ledger.nextLevel(alpha: 0.05)
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
