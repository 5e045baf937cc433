import Corpora
import WorldGenerator
import FlywheelCore
import Testing

@testable import Retrieval

/// The learning test (docs/retrieval.md) on a generated world: 300 articles, 2,000 tickets over 8
/// weeks (seed 5); the last 20% of tickets in time order are held out, the first 80% are served
/// in 4 rounds through the learned retriever and the reranker, a labeller marks the shown top-8
/// (plus, unless random, the relevant articles it finds in ranks 9–75), and both models retrain
/// after each round. Measured (debug or release, deterministic):
///
///     labeller                      recall@75   P@8
///     none (BM25, untrained)        0.759       0.092
///     perfect                       0.843       0.113
///     30% noise (each mark flipped) 0.782       0.093
///     random (independent of truth) 0.782       0.061
///
/// Tolerances: perfect must gain ≥ 0.05 recall and ≥ 0.02 P@8; noisy must gain (> 0) on both
/// and stay below perfect on recall; random must not gain P@8 beyond chance (the paired 95%
/// interval over the 400 held-out tickets does not lie above 0).
///
/// The reranker's retraining step is cross-validated on the marks (``RerankerConfiguration/validationFolds``);
/// before that, P@8 from perfect marks rose by less than 0.02 (0.108) and fell from noisy ones
/// (0.088).
///
/// Known issue (#12): random marks now gain recall@75 beyond chance (+0.023, paired lower bound
/// +0.009). The shown top-8 is better than it was, so "relevant" marks placed at random on it
/// land on relevant articles more often than chance, and the first stage's expansion learns from
/// them — pseudo-relevance feedback: information from the ranking, not from the labeller. The
/// ungated learner takes it; the engine's deploy gate refuses it (zero-skill arms end exactly
/// at frozen in scenarios/validity/controls-ci-small.yaml). Recorded as a known issue, which
/// fails this test the day it no longer holds.
///
/// The world is pinned to the generator's pre-knob hardness (the marketplace defaults until the
/// knobs existed), the world these numbers were measured on. With today's easier defaults this
/// small world starts at recall@75 0.895 and a perfect labeller gains only +0.022 (see the
/// CHANGELOG), too little headroom for a test of learning.
struct GeneratedWorldLearningTests {
    @Test func relevanceMarksImproveHeldOutRecallAndPrecision() async throws {
        let preKnobs = SyntheticWorldKnobs(
            twinShare: 0.24, paraphraseRate: 0.7, typoRate: 0.06, vocabularyGap: 1, scopeMention: 0.5,
            scopeVariants: 1, multiIssueShare: 0.25)
        let world = SyntheticWorld.generate(
            SyntheticWorldConfig(seed: 5, articles: 300, tickets: 2000, weeks: 8, knobs: preKnobs))
        let tickets = world.tickets.sorted { ($0.ticket.createdAt, $0.ticket.id) < ($1.ticket.createdAt, $1.ticket.id) }
        let cut = tickets.count * 4 / 5
        var harness = RelevanceLearningHarness(
            articles: world.articles, training: Array(tickets[..<cut]), heldOut: Array(tickets[cut...]), rounds: 4)
        let (base, perfect, noisy, random) = await harness.all()
        print("generated world: base \(base); perfect \(perfect); noisy \(noisy); random \(random)")

        #expect(perfect.recall75 >= base.recall75 + 0.05)
        #expect(noisy.recall75 > base.recall75)
        #expect(noisy.recall75 < perfect.recall75)
        #expect(perfect.precision8 >= base.precision8 + 0.02)
        #expect(noisy.precision8 > base.precision8)
        // random: no gain beyond chance (the paired 95% interval over the 400 held-out tickets
        // does not lie above 0), the criterion of the engine's `no_gain` controls
        let randomGain = random.pairedGainLowerBounds(over: base)
        withKnownIssue("#12: random marks on a good top-8 act as pseudo-relevance feedback for the ungated first stage")
        {
            #expect(randomGain.recall75 <= 0)
        }
        #expect(randomGain.precision8 <= 0)
    }
}
