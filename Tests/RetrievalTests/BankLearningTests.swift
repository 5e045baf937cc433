import FlywheelCore
import Testing

@testable import Retrieval

/// The learning test on the tau2-bench banking knowledge base (698 articles, 97 tasks turned
/// into tickets, see ``BankKnowledgeBase``): every third task is held out, the other 65 are
/// served in 3 rounds, as in ``GeneratedWorldLearningTests``. The tickets are long role-play
/// instructions (≈ 60 terms), so the expansion strength — a scenario parameter — is 0.2 here:
/// at 1.0 the learned fields' many generic matches swamp BM25 and recall@75 falls even with
/// perfect marks (measured 0.662 against 0.716). Demotion is off, as in the engine's default
/// (`system.retriever.demotion: 0`): with demotion 0.5 the noisy labeller's false "not relevant"
/// marks on the right articles cancel its gain (noisy recall@75 0.714, flat). Measured with
/// strength 0.2, demotion 0 (deterministic):
///
///     labeller                      recall@75   P@8
///     none (BM25, untrained)        0.716       0.305
///     perfect                       0.721       0.395
///     30% noise (each mark flipped) 0.729       0.273
///     random (independent of truth) 0.715       0.297
///
/// Tolerances: random must not gain beyond chance on either (paired 95% interval over the 32
/// held-out tickets); perfect must not lose more than 0.01 recall@75.
///
/// Known issues (#12), recorded with `withKnownIssue` so the test fails the day they are fixed:
/// - the first stage counts a term only on evidence beyond chance (``SurplusWeights``); here 65
///   training tickets each mark an article once or twice, so perfect marks no longer teach the
///   expansion anything (recall@75 0.716 → 0.721; it was 0.812 when every positive surplus
///   counted, which also let zero-skill labellers gain on the generated world). With evidence 0
///   perfect reaches 0.818.
///
/// The reranker (cross-validated retraining step, ``RerankerConfiguration/validationFolds``)
/// ranks the gold article higher than the first stage did: mean reciprocal rank of the first gold
/// article in the reranked top-75 0.829, against 0.738 for the untrained first stage. Before the
/// cross-validation it fell to 0.329: features fitted on pairs among the 8 shown articles of 65
/// tickets extrapolated badly to ranks 9–75 (a negative article-prior weight, a negative weight
/// on the first-stage rank). The noisy labeller's P@8 (0.273) is below the untrained 0.305 on
/// these 32 held-out tickets (8 of 256 slots); it is not asserted.
struct BankLearningTests {
    @Test(.enabled(if: BankKnowledgeBase.isAvailable, "needs $FLYWHEEL_DATASETS/tau2-banking-knowledge"))
    func bankKnowledgeBaseLearnsFromRelevanceMarks() async throws {
        let (articles, records) = try BankKnowledgeBase.load()
        let heldOut = records.enumerated().filter { $0.offset % 3 == 2 }.map(\.element)
        let training = records.enumerated().filter { $0.offset % 3 != 2 }.map(\.element)
        var harness = RelevanceLearningHarness(articles: articles, training: training, heldOut: heldOut, rounds: 3)
        harness.expansion.strength = 0.2
        harness.expansion.demotion = 0
        let (base, perfect, noisy, random) = await harness.all()
        print("bank: base \(base); perfect \(perfect); noisy \(noisy); random \(random)")

        #expect(perfect.recall75 >= base.recall75 - 0.01)
        // #12: a reranker trained on oracle marks must not rank the gold article lower on
        // average than the first stage did (mean reciprocal rank of the first relevant article
        // in the reranked top-75, against the untrained reranker, which keeps the first
        // stage's order). Measured: 0.738 → 0.829.
        print(
            "bank MRR of gold: first stage \(base.meanReciprocalRank), after perfect marks \(perfect.meanReciprocalRank)"
        )
        #expect(perfect.meanReciprocalRank >= base.meanReciprocalRank)
        #expect(perfect.precision8 >= base.precision8 + 0.05)
        withKnownIssue("#12: no expansion evidence from single marks") {
            #expect(perfect.recall75 >= base.recall75 + 0.05)
            #expect(noisy.recall75 >= base.recall75 + 0.03)
        }
        // random: no gain beyond chance (paired 95% interval over the 32 held-out tickets)
        let randomGain = random.pairedGainLowerBounds(over: base)
        #expect(randomGain.recall75 <= 0)
        #expect(randomGain.precision8 <= 0)
    }
}
