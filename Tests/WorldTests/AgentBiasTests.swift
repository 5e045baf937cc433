import FlywheelCore
import Testing
import WorldTruth

@testable import World

/// Biases, rationale confusion, adoption and fatigue behave as configured, within stated
/// tolerances over fixed-seed samples.
@Suite struct AgentBiasTests {
    /// A mid-noise persona with no ties, no both-bad and no biases, to vary one knob at a time.
    func neutral() throws -> Persona {
        try TestSupport.persona("careful-expert").with {
            $0.preference = PreferenceBehaviour(
                noise: 0.1, positionBias: 0, lengthBias: 0, margins: [0, 0.15, 0.3], tieBand: 0, bothBad: nil)
            $0.fatigue = Fatigue(perHour: 0)
        }
    }

    /// Rate of choosing A over `n` pairs whose quality gaps spread over [−0.2, 0.2].
    func choiceRateA(_ persona: Persona, wordsA: Int, wordsB: Int, n: Int) -> Double {
        let agent = SimulatedAgent(id: "bias", persona: persona)
        var chooseA = 0
        for i in 0..<n {
            let d = -0.2 + 0.4 * Double(i % 41) / 40
            var rng = RandomStream(seed: 21, purpose: "bias", ids: [UInt64(i)])
            let (choice, _) = agent.prefer(
                qualityA: 0.5 + d / 2, qualityB: 0.5 - d / 2, wordsA: wordsA, wordsB: wordsB, fatigue: 1, rng: &rng)
            if choice == .a { chooseA += 1 }
        }
        return Double(chooseA) / Double(n)
    }

    @Test func positionBiasShiftsTheChoiceRateByItsValue() throws {
        let n = 4000
        let base = choiceRateA(try neutral(), wordsA: 50, wordsB: 50, n: n)
        let biased = choiceRateA(try neutral().with { $0.preference.positionBias = 0.1 }, wordsA: 50, wordsB: 50, n: n)
        // Common random numbers: the shift is Binomial(n, 0.1)/n; 3 sd ≈ 0.014. Tolerance 0.015.
        #expect(abs((biased - base) - 0.1) < 0.015)
        #expect(abs(base - 0.5) < 0.03)  // symmetric gaps: unbiased agent picks A half the time
    }

    @Test func lengthBiasShiftsChoicesTowardTheLongerReply() throws {
        let n = 4000
        let p = try neutral().with { $0.preference.lengthBias = -0.08 }  // prefers shorter
        let aLonger = choiceRateA(p, wordsA: 90, wordsB: 40, n: n)
        let bLonger = choiceRateA(p, wordsA: 40, wordsB: 90, n: n)
        let base = choiceRateA(try neutral(), wordsA: 90, wordsB: 40, n: n)
        // Each shift is Binomial(n, 0.08)/n; 3 sd ≈ 0.013. Tolerance 0.015.
        #expect(abs((aLonger - base) - -0.08) < 0.015)
        #expect(abs((bLonger - base) - 0.08) < 0.015)
    }

    @Test func preferenceFollowsBradleyTerry() throws {
        let agent = SimulatedAgent(id: "bt", persona: try neutral())
        let n = 4000
        var a = 0
        for i in 0..<n {
            var rng = RandomStream(seed: 22, purpose: "bt", ids: [UInt64(i)])
            if agent.prefer(qualityA: 0.6, qualityB: 0.5, wordsA: 50, wordsB: 50, fatigue: 1, rng: &rng).0 == .a {
                a += 1
            }
        }
        let expected = 1 / (1 + exp(-0.1 / 0.1))  // σ(1) ≈ 0.731
        #expect(abs(Double(a) / Double(n) - expected) < TestSupport.ci99(p: expected, n: n))
    }

    @Test func marginsGrowWithTheQualityGap() throws {
        let oracle = SimulatedAgent(id: "o", persona: try TestSupport.persona("oracle"))
        var rng = RandomStream(seed: 1, purpose: "m")
        #expect(
            oracle.prefer(qualityA: 0.55, qualityB: 0.5, wordsA: 1, wordsB: 1, fatigue: 1, rng: &rng) == (.a, .slightly)
        )
        #expect(
            oracle.prefer(qualityA: 0.5, qualityB: 0.7, wordsA: 1, wordsB: 1, fatigue: 1, rng: &rng) == (.b, .clearly))
        #expect(oracle.prefer(qualityA: 0.9, qualityB: 0.3, wordsA: 1, wordsB: 1, fatigue: 1, rng: &rng) == (.a, .much))
        let sceptic = SimulatedAgent(
            id: "s", persona: try TestSupport.persona("sceptic").with { $0.preference.noise = 0 })
        #expect(sceptic.prefer(qualityA: 0.3, qualityB: 0.4, wordsA: 1, wordsB: 1, fatigue: 1, rng: &rng).0 == .bothBad)
    }

    @Test func rationaleConfusionMatchesConfiguredAccuracy() throws {
        let accuracy = 0.7
        let agent = SimulatedAgent(
            id: "r", persona: try neutral().with { $0.rationale = RationaleBehaviour(accuracy: accuracy) })
        let n = 3000
        for truth in RationaleCategory.allCases {
            var counts: [RationaleCategory: Int] = [:]
            for i in 0..<n {
                var rng = RandomStream(seed: 31, purpose: "rationale-\(truth.rawValue)", ids: [UInt64(i)])
                counts[agent.rationale(trueFailure: truth, fatigue: 1, rng: &rng), default: 0] += 1
            }
            // Diagonal = accuracy; the rest spread evenly over the neighbourhood only.
            // Tolerance: the 99% binomial CI half-width (≈ 0.022 on the diagonal at n = 3000).
            #expect(abs(Double(counts[truth] ?? 0) / Double(n) - accuracy) < TestSupport.ci99(p: accuracy, n: n))
            let share = (1 - accuracy) / Double(truth.confusable.count)
            for other in RationaleCategory.allCases where other != truth {
                let observed = Double(counts[other] ?? 0) / Double(n)
                if truth.confusable.contains(other) {
                    #expect(abs(observed - share) < TestSupport.ci99(p: share, n: n))
                } else {
                    #expect(observed == 0)
                }
            }
        }
    }

    @Test func adoptionRateFollowsTheLogistic() throws {
        let persona = try neutral().with {
            $0.adoption = AdoptionBehaviour(
                threshold: 0.6, slope: 10, editShare: 0.5, trust: .init(initial: 0.5, rate: 0))
        }
        let agent = SimulatedAgent(id: "ad", persona: persona)
        let n = 3000
        for q in [0.3, 0.5, 0.6, 0.7, 0.9] {
            var adopted = 0, edited = 0
            for i in 0..<n {
                var rng = RandomStream(seed: 41, purpose: "adopt", ids: [UInt64(i), UInt64(q * 100)])
                let outcome = agent.adopt(quality: q, trust: 0.5, rng: &rng)
                if outcome.isAdopted { adopted += 1 }
                if outcome == .edited { edited += 1 }
            }
            let expected = 1 / (1 + exp(-10 * (q - 0.6)))
            // 99% binomial CI of the logistic's value at q
            #expect(abs(Double(adopted) / Double(n) - expected) < TestSupport.ci99(p: expected, n: n) + 1e-9)
            if adopted > 200 {
                #expect(abs(Double(edited) / Double(adopted) - 0.5) < TestSupport.ci99(p: 0.5, n: adopted))
            }
        }
    }

    @Test func trustMovesWithExperience() throws {
        let persona = try TestSupport.persona("novice")
        let agent = SimulatedAgent(id: "t", persona: persona)
        var good = AgentState(persona: persona), bad = AgentState(persona: persona)
        for i in 0..<30 {
            let rng = RandomStream(seed: 5, purpose: "trust", ids: [UInt64(i)])
            _ = agent.respond(
                to: TestSupport.shown(a: RefundWorld.full, b: RefundWorld.offTopic), truth: RefundWorld.truth,
                published: { _ in true }, judge: Judge(), state: &good, rng: rng)
            _ = agent.respond(
                to: TestSupport.shown(a: RefundWorld.offTopic, b: RefundWorld.full), truth: RefundWorld.truth,
                published: { _ in true }, judge: Judge(), state: &bad, rng: rng)
        }
        #expect(good.trust > persona.adoption.trust.initial + 0.05)
        #expect(bad.trust < persona.adoption.trust.initial - 0.2)
        #expect(
            agent.adoptionProbability(quality: 0.6, trust: good.trust)
                > agent.adoptionProbability(quality: 0.6, trust: bad.trust))
        #expect(good.ticketsSeen == 30)
    }

    @Test func fatigueLowersParticipationOverAShift() throws {
        let persona = try neutral().with {
            $0.participation = Participation(preference: 0.8, adoption: 0.8, relevance: 0.8, missingKnowledge: 0.8)
            $0.fatigue = Fatigue(perHour: 0.1)
        }
        let agent = SimulatedAgent(id: "f", persona: persona)
        let n = 1500
        func preferenceRate(atMinute minute: Double) -> Double {
            var given = 0
            for i in 0..<n {
                var state = AgentState(trust: 0.5, minutesIntoShift: minute)
                let f = agent.respond(
                    to: TestSupport.shown(a: RefundWorld.full, b: RefundWorld.offTopic), truth: RefundWorld.truth,
                    published: { _ in true }, judge: Judge(), state: &state,
                    rng: RandomStream(seed: 51, purpose: "fatigue", ids: [UInt64(i)]))
                if f.preference != nil { given += 1 }
            }
            return Double(given) / Double(n)
        }
        let start = preferenceRate(atMinute: 0)
        let end = preferenceRate(atMinute: 480)
        let expectedEnd = 0.8 * pow(0.9, 8)  // ≈ 0.344
        #expect(abs(start - 0.8) < TestSupport.ci99(p: 0.8, n: n))
        #expect(abs(end - expectedEnd) < TestSupport.ci99(p: expectedEnd, n: n))

        // And the shift clock advances by handling + annotation time.
        var state = AgentState(persona: persona)
        _ = agent.respond(
            to: TestSupport.shown(a: RefundWorld.full, b: RefundWorld.offTopic), truth: RefundWorld.truth,
            published: { _ in true }, judge: Judge(), state: &state, rng: RandomStream(seed: 1, purpose: "x"))
        #expect(state.minutesIntoShift > 7)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
