import Corpora
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
///     perfect                       0.835       0.108
///     30% noise (each mark flipped) 0.784       0.088
///     random (independent of truth) 0.769       0.050
///
/// Tolerances: perfect must gain ≥ 0.05 recall; noisy must gain (> 0) and stay below perfect;
/// random must not gain beyond chance on either metric (the paired 95% interval over the 400
/// held-out tickets does not lie above 0; its +0.010 recall is within it).
///
/// Known issue (#12): without the engine's deploy gate, the reranker trained on these marks
/// raises P@8 from perfect labels by less than 0.02 (0.092 → 0.108, with the article prior
/// counted only beyond chance; 0.091 before) and lowers it from noisy ones (0.088). The
/// engine's controls, with the gate, gain P@8 (docs/validity.md); the ungated learner's P@8 is
/// recorded here as a known issue, which fails this test the day it is fixed.
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
        var harness = LearningHarness(
            articles: world.articles, training: Array(tickets[..<cut]), heldOut: Array(tickets[cut...]), rounds: 4)
        let (base, perfect, noisy, random) = await harness.all()
        print("generated world: base \(base); perfect \(perfect); noisy \(noisy); random \(random)")

        #expect(perfect.recall75 >= base.recall75 + 0.05)
        #expect(noisy.recall75 > base.recall75)
        #expect(noisy.recall75 < perfect.recall75)
        withKnownIssue("#12: the ungated reranker does not raise P@8 from perfect or noisy marks") {
            #expect(perfect.precision8 >= base.precision8 + 0.02)
            #expect(noisy.precision8 > base.precision8)
        }
        // random: no gain beyond chance (the paired 95% interval over the 400 held-out tickets
        // does not lie above 0), the criterion of the engine's `no_gain` controls
        let randomGain = random.pairedGainLowerBounds(over: base)
        #expect(randomGain.recall75 <= 0)
        #expect(randomGain.precision8 <= 0)
    }
}
