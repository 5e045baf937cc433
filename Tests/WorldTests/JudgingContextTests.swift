import FlywheelCore
import Testing
import WorldTruth

@testable import World

/// ``JudgingContext``: the truth, the judge and reply A's quality travel as one value; a known
/// quality is read, not recomputed, and knowing it beforehand changes no agent's answer.
struct JudgingContextTests {
    let judge = Judge()

    @Test func knowingReplyAsQualityIsTheJudgesQuality() {
        let judging = JudgingContext(truth: RefundWorld.truth, judge: judge)
        #expect(judging.qualityA == nil)
        let known = judging.knowingQuality(ofA: RefundWorld.full)
        #expect(known.qualityA == judge.quality(of: RefundWorld.full, for: RefundWorld.truth))
        #expect(
            known.quality(of: RefundWorld.offTopic) == judge.quality(of: RefundWorld.offTopic, for: RefundWorld.truth))
        #expect(known.forOtherReplies.qualityA == nil)
    }

    @Test func aKnownQualityIsReadNotRecomputed() {
        // A marker no reply of this world scores: whoever reads reply A's quality gets it back.
        let marker = QualityBreakdown(coverage: 0.5, correctness: 1, focus: 0.5, fit: 0.5, total: 0.123, failure: nil)
        let judging = JudgingContext(truth: RefundWorld.truth, judge: judge, qualityA: marker)
        #expect(judging.quality(ofA: RefundWorld.full) == marker)
        #expect(judging.knowingQuality(ofA: RefundWorld.full).qualityA == marker)
    }

    @Test func anAgentAnswersTheSameWhetherReplyAsQualityWasKnown() throws {
        let persona = try TestSupport.persona("careful-expert")
        let agent = SimulatedAgent(id: "a", persona: persona)
        let shown = TestSupport.shown(a: RefundWorld.full, b: RefundWorld.withTwin)
        let fresh = JudgingContext(truth: RefundWorld.truth, judge: judge)
        for seed in UInt64(0)..<50 {
            let rng = RandomStream(seed: seed, purpose: "agent", ids: [])
            var s1 = AgentState(persona: persona), s2 = AgentState(persona: persona)
            let unknown = agent.respond(to: shown, judging: fresh, published: { _ in true }, state: &s1, rng: rng)
            let known = agent.respond(
                to: shown, judging: fresh.knowingQuality(ofA: shown.a), published: { _ in true }, state: &s2, rng: rng)
            #expect(unknown == known, "seed \(seed)")
            #expect(s1.trust == s2.trust && s1.minutesIntoShift == s2.minutesIntoShift, "seed \(seed)")
        }
    }
}
