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
///     perfect                       0.714       0.262
///     30% noise (each mark flipped) 0.718       0.324
///     random (independent of truth) 0.709       0.074
///
/// Tolerances: random must not gain beyond chance on either (paired 95% interval over the 32
/// held-out tickets); perfect must not lose more than 0.01 recall@75.
///
/// Known issues (#12), recorded with `withKnownIssue` so the test fails the day they are fixed:
/// - the first stage counts a term only on evidence beyond chance (``SurplusWeights``); here 65
///   training tickets each mark an article once or twice, so perfect marks no longer teach the
///   expansion anything (recall@75 0.716 → 0.714; it was 0.812 when every positive surplus
///   counted, which also let zero-skill labellers gain on the generated world). With evidence 0
///   perfect reaches 0.818.
/// - the ungated reranker lowers P@8 even from perfect marks (0.305 → 0.262; 0.215 before the
///   article prior counted only beyond chance): features fitted on pairs among the 8 shown
///   articles of 65 tickets extrapolate badly to ranks 9–75: the mean reciprocal rank of the
///   first gold article in the reranked top-75 falls from 0.738 (first stage) to 0.329. A
///   suspect not yet tested: each feature is scaled by 1/sd over the *marked* examples only,
///   so a feature that barely varies among them (the expansion score, mostly 0 here) gets a
///   huge scale and dominates on held-out candidates. In the engine the deploy gate refuses
///   such a model; the bank is too small for a loop (97 tasks).
struct BankLearningTests {
    @Test(.enabled(if: BankKnowledgeBase.isAvailable, "needs ../shared/datasets/tau2-banking-knowledge"))
    func bankKnowledgeBaseLearnsFromRelevanceMarks() async throws {
        let (articles, records) = try BankKnowledgeBase.load()
        let heldOut = records.enumerated().filter { $0.offset % 3 == 2 }.map(\.element)
        let training = records.enumerated().filter { $0.offset % 3 != 2 }.map(\.element)
        var harness = LearningHarness(articles: articles, training: training, heldOut: heldOut, rounds: 3)
        harness.expansion.strength = 0.2
        harness.expansion.demotion = 0
        let (base, perfect, noisy, random) = await harness.all()
        print("bank: base \(base); perfect \(perfect); noisy \(noisy); random \(random)")

        #expect(perfect.recall75 >= base.recall75 - 0.01)
        // #12: a reranker trained on oracle marks must not rank the gold article lower on
        // average than the first stage did (mean reciprocal rank of the first relevant article
        // in the reranked top-75, against the untrained reranker, which keeps the first
        // stage's order). Measured: 0.738 → 0.329 (see the known issues above).
        print("bank MRR of gold: first stage \(base.meanReciprocalRank), after perfect marks \(perfect.meanReciprocalRank)")
        withKnownIssue("#12: the ungated reranker trained on 65 tickets' perfect marks ranks gold lower") {
            #expect(perfect.meanReciprocalRank >= base.meanReciprocalRank)
        }
        withKnownIssue("#12: no expansion evidence from single marks; the ungated reranker lowers P@8") {
            #expect(perfect.recall75 >= base.recall75 + 0.05)
            #expect(perfect.precision8 >= base.precision8 + 0.05)
            #expect(noisy.recall75 >= base.recall75 + 0.03)
        }
        // random: no gain beyond chance (paired 95% interval over the 32 held-out tickets)
        let randomGain = random.pairedGainLowerBounds(over: base)
        #expect(randomGain.recall75 <= 0)
        #expect(randomGain.precision8 <= 0)
    }
}
