import FlywheelCore
import Testing

@testable import Retrieval

struct BankLearningTests {
    @Test(.enabled(if: BankKnowledgeBase.isAvailable, "needs ../shared/datasets/tau2-banking-knowledge"))
    func bankKnowledgeBaseLearnsFromRelevanceMarks() throws {
        let (articles, records) = try BankKnowledgeBase.load()
        let heldOut = records.enumerated().filter { $0.offset % 3 == 2 }.map(\.element)
        let training = records.enumerated().filter { $0.offset % 3 != 2 }.map(\.element)
        let harness = LearningHarness(articles: articles, training: training, heldOut: heldOut, rounds: 3)
        let base = harness.baseline()
        let perfect = harness.train(.perfect)
        let noisy = harness.train(.noisy(flip: 0.3))
        let random = harness.train(.random(rate: 0.25))
        var retrieverOnly = harness
        retrieverOnly.trainReranker = false
        var rerankerOnly = harness
        rerankerOnly.trainRetriever = false
        var noDemotion = harness
        noDemotion.expansion.demotion = 0
        print("bank: no demotion \(noDemotion.train(.perfect))")
        print("bank: retriever only \(retrieverOnly.train(.perfect)) reranker only \(rerankerOnly.train(.perfect))")
        print("bank: base \(base) perfect \(perfect) noisy \(noisy) random \(random)")
        #expect(perfect.recall75 > base.recall75)
    }
}
