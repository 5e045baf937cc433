import FlywheelCore
import Testing
import WorldTruth

@testable import World

@Suite struct JudgeTests {
    let judge = Judge()

    @Test func coveringAllNuggetsBeatsCoveringNone() {
        let full = judge.quality(of: RefundWorld.full, for: RefundWorld.truth)
        let none = judge.quality(of: RefundWorld.offTopic, for: RefundWorld.truth)
        #expect(full.coverage == 1)
        #expect(none.coverage == 0)
        #expect(full.total > none.total + 0.4)
        #expect(full.failure == nil)
        #expect(none.failure == .missingInformation)
    }

    @Test func paraphraseOfANuggetStillCounts() {
        let para = RefundWorld.reply([
            RefundWorld.sentence("We accept refunds within 30 days after delivery.", "refund-policy")
        ])
        let q = judge.quality(of: para, for: RefundWorld.truth)
        #expect(abs(q.coverage - 1.0 / 3) < 1e-9)
        #expect(q.correctness == 1)
    }

    @Test func citingTheConflictingTwinLowersCorrectness() {
        let good = judge.quality(of: RefundWorld.full, for: RefundWorld.truth)
        let bad = judge.quality(of: RefundWorld.withTwin, for: RefundWorld.truth)
        #expect(good.correctness == 1)
        #expect(bad.correctness < 0.5)
        #expect(bad.total < good.total - 0.2)
        #expect(bad.failure == .incorrectInformation)
    }

    @Test func aWrongNumberWithoutProvenanceIsAContradiction() {
        let wrong = RefundWorld.reply([
            RefundWorld.sentence("Refunds are accepted within 60 days of delivery.", "refund-policy")
        ])
        #expect(judge.quality(of: wrong, for: RefundWorld.truth).correctness < 1)
    }

    @Test func tooLongLowersFit() {
        let padding = (0..<20).map {
            RefundWorld.sentence(RefundWorld.nuggetTexts[$0 % 3], "refund-policy", position: $0)
        }
        let long = RefundWorld.reply(padding)
        let ok = judge.quality(of: RefundWorld.full, for: RefundWorld.truth)
        let q = judge.quality(of: long, for: RefundWorld.truth)
        #expect(long.wordCount > judge.config.length.maxWords)
        #expect(q.fit < ok.fit)
        #expect(ok.fit == 1)
    }

    @Test func toneMismatchLowersFit() {
        var brief = RefundWorld.full
        brief.tone = .brief
        #expect(judge.quality(of: brief, for: RefundWorld.truth).fit == judge.config.toneMismatchFit)
    }

    @Test func helpfulnessIsOnePlusFourTimesQualityWithoutNoise() {
        var rng = RandomStream(seed: 1, purpose: "judge")
        let q = judge.quality(of: RefundWorld.full, for: RefundWorld.truth)
        let h = judge.helpfulness(of: RefundWorld.full, for: RefundWorld.truth, rng: &rng)
        #expect(abs(h - (1 + 4 * q.total)) < 1e-12)
        #expect(h >= 4)
    }

    @Test func noisyHelpfulnessStaysInRangeAndVaries() {
        let noisy = Judge(config: JudgeConfig(noiseSD: 1.0))
        var rng = RandomStream(seed: 7, purpose: "judge")
        let scores = (0..<200).map { _ in noisy.helpfulness(of: RefundWorld.offTopic, for: RefundWorld.truth, rng: &rng)
        }
        #expect(scores.allSatisfy { (1...5).contains($0) })
        #expect(Set(scores).count > 100)
    }

    @Test func referenceRecallGivesCoverageWithoutNuggets() {
        let truth = TicketTruth(
            ticket: "t-2", relevant: ["refund-policy": 2],
            referenceResponse: "You can return it within 30 days and the refund goes to your original payment method.")
        let q = judge.quality(of: RefundWorld.full, for: truth)
        let off = judge.quality(of: RefundWorld.offTopic, for: truth)
        #expect(q.coverage > 0.8)
        // the shipping reply shares one content word ("day") of nine: recall 1/9, scaled ×2
        #expect(off.coverage < 0.25)
    }
}

@Test func batchQualitiesEqualSingleCalls() {
    let judge = Judge()
    var rng = RandomStream(seed: 4, purpose: "batch")
    let replies = (0..<50).map { _ in TestSupport.randomReply(&rng) }
    let truths = [
        RefundWorld.truth,
        TicketTruth(
            ticket: "t-3", relevant: ["refund-policy": 1],
            referenceResponse: "Refunds within 30 days to the original payment method.")
    ]
    for truth in truths {
        #expect(judge.qualities(of: replies, for: truth) == replies.map { judge.quality(of: $0, for: truth) })
    }
}
