import FlywheelCore
import Testing

@testable import World

/// The two exact ends of every behaviour (docs/world.md): zero noise agrees with the truth every
/// time; infinite noise gives labels independent of it.
@Suite struct AgentEndsTests {
    let judge = Judge()
    let samples = 600

    /// `samples` (A, B) pairs of random refund-world replies, each with its own agent stream.
    func episodes(seed: UInt64) -> [(shown: ShownSuggestion, rng: RandomStream)] {
        var gen = RandomStream(seed: seed, purpose: "replies")
        return (0..<samples).map { i in
            let a = TestSupport.randomReply(&gen)
            let b = TestSupport.randomReply(&gen)
            return (TestSupport.shown(a: a, b: b), RandomStream(seed: seed, purpose: "agent", ids: [UInt64(i)]))
        }
    }

    /// Published: everything except `refund-faq` on odd-numbered episodes (a withheld need).
    func published(_ i: Int) -> (ArticleID) -> Bool {
        { article in !(i % 2 == 1 && article == "refund-faq") }
    }

    @Test func zeroNoisePersonaAgreesWithTheTruthEveryTime() throws {
        let agent = SimulatedAgent(id: "oracle-1", persona: try TestSupport.persona("oracle"))
        let truth = TestSupport.truthWithTwoRelevant
        var state = AgentState(persona: agent.persona)
        var decisive = 0
        for (i, (shown, rng)) in episodes(seed: 11).enumerated() {
            let feedback = agent.respond(
                to: shown, truth: truth, published: published(i), judge: judge, state: &state, rng: rng,
                library: TestSupport.library)
            let qa = judge.quality(of: shown.a, for: truth).total
            let qb = judge.quality(of: shown.b, for: truth).total
            let pref = try #require(feedback.preference)
            if qa > qb { #expect(pref.choice == .a); decisive += 1 }
            if qa < qb { #expect(pref.choice == .b); decisive += 1 }
            if qa == qb { #expect(pref.choice == .tie) }

            let adoption = try #require(feedback.adoption)
            #expect(adoption.outcome == (qa >= 0.75 ? .used : .rejected))
            if adoption.outcome == .rejected {
                #expect(adoption.rationale == judge.quality(of: shown.a, for: truth).failure ?? .other)
            }

            #expect(feedback.relevance.count == 8)
            for mark in feedback.relevance {
                #expect(mark.relevant == ((truth.relevant[mark.article] ?? 0) > 0))
                #expect(shown.articles[mark.rank - 1] == mark.article)
            }

            let withheld = i % 2 == 1
            #expect((feedback.missingKnowledge != nil) == withheld)
            // a flag carries the ticket's own words, never the withheld article or its topic
            if withheld { #expect(feedback.missingKnowledge?.note == SimulatedAgent.flagNote(shown.ticket.text)) }
        }
        #expect(decisive > samples / 2)  // the sample really exercises choices, not only ties
    }

    @Test func infiniteNoisePersonaIsIndependentOfTheTruth() throws {
        let agent = SimulatedAgent(id: "random-1", persona: try TestSupport.persona("random"))
        let truth = TestSupport.truthWithTwoRelevant
        var state = AgentState(persona: agent.persona)
        var prefAgree = 0, prefN = 0
        var adoptAgree = 0, adoptN = 0
        var relAgree = 0, relN = 0
        var flagAgree = 0, flagN = 0
        var rationaleRight = 0, rationaleN = 0
        for (i, (shown, rng)) in episodes(seed: 12).enumerated() {
            let f = agent.respond(
                to: shown, truth: truth, published: published(i), judge: judge, state: &state, rng: rng)
            let qa = judge.quality(of: shown.a, for: truth)
            let qb = judge.quality(of: shown.b, for: truth)
            if let p = f.preference, qa.total != qb.total, p.choice == .a || p.choice == .b {
                prefN += 1
                if (p.choice == .a) == (qa.total > qb.total) { prefAgree += 1 }
            }
            if let a = f.adoption {
                adoptN += 1
                if a.outcome.isAdopted == (qa.total >= 0.75) { adoptAgree += 1 }
                if let r = a.rationale {
                    rationaleN += 1
                    if r == (qa.failure ?? .other) { rationaleRight += 1 }
                }
            }
            for mark in f.relevance where mark.rank > 0 {  // links: TruthAccessTests
                relN += 1
                if mark.relevant == ((truth.relevant[mark.article] ?? 0) > 0) { relAgree += 1 }
            }
            flagN += 1
            if (f.missingKnowledge != nil) == (i % 2 == 1) { flagAgree += 1 }
        }
        // Agreement with the truth within a 99% binomial CI of chance (½; 1/7 for rationale).
        func atChance(_ k: Int, _ n: Int, _ p: Double = 0.5) -> Bool {
            abs(Double(k) / Double(n) - p) <= TestSupport.ci99(p: p, n: n)
        }
        #expect(prefN > 300)
        #expect(atChance(prefAgree, prefN))
        #expect(atChance(adoptAgree, adoptN))
        #expect(atChance(relAgree, relN))
        #expect(atChance(flagAgree, flagN))
        #expect(atChance(rationaleRight, rationaleN, 1.0 / 7))
    }

    @Test func behavioursDrawFromSeparateStreams() throws {
        // Turning relevance checks off must not change any other label.
        let base = try TestSupport.persona("careful-expert")
        let noChecks = base.with { $0.participation.relevance = 0 }
        let truth = TestSupport.truthWithTwoRelevant
        for (shown, rng) in episodes(seed: 13).prefix(100) {
            var s1 = AgentState(persona: base), s2 = AgentState(persona: base)
            let f1 = SimulatedAgent(id: "x", persona: base).respond(
                to: shown, truth: truth, published: { _ in true }, judge: judge, state: &s1, rng: rng)
            let f2 = SimulatedAgent(id: "x", persona: noChecks).respond(
                to: shown, truth: truth, published: { _ in true }, judge: judge, state: &s2, rng: rng)
            #expect(f1.preference == f2.preference)
            #expect(f1.adoption == f2.adoption)
            #expect(f1.missingKnowledge == f2.missingKnowledge)
            #expect(f2.relevance.isEmpty)
        }
    }
}
