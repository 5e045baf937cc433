import FlywheelCore
import Testing

@testable import Retrieval

/// The learning test on the tau2-bench banking knowledge base (698 articles, 97 tasks turned
/// into tickets, see ``BankKnowledgeBase``): every third task is held out, the other 65 are
/// served in 3 rounds. Measured (deterministic):
///
///     labeller                      recall@75   P@8
///     none (BM25, untrained)        0.716       0.305
///     perfect                       0.662       0.363
///     30% noise (each mark flipped) 0.599       0.195
///     random (independent of truth) 0.528       0.066
///
/// What holds here: perfect marks raise P@8 (tolerance: ≥ +0.03) and marks independent of the
/// truth raise nothing (tolerance 0.01). What does NOT hold, and is a known weakness: recall@75
/// falls, even with perfect marks, and 30% noise lowers P@8. It is not missing evidence: 89% of
/// the held-out tickets' required documents are required by some training ticket (printed). Not
/// yet verified why; the tickets are long role-play instructions (≈ 60 terms) with much generic
/// wording, which the expansion and demotion fields pick up for many articles at once.
struct BankLearningTests {
    @Test(.enabled(if: BankKnowledgeBase.isAvailable, "needs ../shared/datasets/tau2-banking-knowledge"))
    func bankKnowledgeBaseLearnsFromRelevanceMarks() async throws {
        let (articles, records) = try BankKnowledgeBase.load()
        let heldOut = records.enumerated().filter { $0.offset % 3 == 2 }.map(\.element)
        let training = records.enumerated().filter { $0.offset % 3 != 2 }.map(\.element)
        let harness = LearningHarness(articles: articles, training: training, heldOut: heldOut, rounds: 3)
        let (base, perfect, noisy, random) = await harness.all()
        print("bank: base \(base); perfect \(perfect); noisy \(noisy); random \(random)")
        let trainingDocs = Set(training.flatMap { $0.truth.relevantArticles })
        let heldOutDocs = heldOut.flatMap { $0.truth.relevantArticles }
        let shared = Double(heldOutDocs.filter(trainingDocs.contains).count) / Double(max(heldOutDocs.count, 1))
        print("bank: share of held-out required documents also required in training: \(shared)")
        #expect(perfect.precision8 >= base.precision8 + 0.03)
        #expect(random.recall75 <= base.recall75 + 0.01)
        #expect(random.precision8 <= base.precision8 + 0.01)
    }
}
