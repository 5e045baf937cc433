import FlywheelCore
import Generation
import World
import WorldTruth

/// One served ticket for a learning experiment: what the system sees (ticket, the stand-in
/// reranked list) and what only the judge and the simulated labeller may read (truth).
struct ServedTicket: Sendable {
    var ticket: Ticket
    var articles: [Article]
    var truth: TicketTruth
}

/// Who labels the A/B pairs in a learning experiment.
enum Labeller {
    /// Bradley–Terry choice on the judge's true quality, `P(A) = σ((q_A − q_B) / temperature)`,
    /// a tie when `|q_A − q_B| < tieBand`, margin slightly / clearly / much at 0.05 / 0.15 —
    /// the careful-expert behaviour of docs/world.md with low noise.
    case careful(temperature: Double, tieBand: Double)
    /// A fair coin for A or B and a uniform margin: labels independent of the truth.
    case random
    /// A World simulated agent (its persona's preference behaviour: Bradley–Terry on true
    /// quality with its noise, position and length bias, margins, ties and both-bad, and its
    /// participation: a pair it skips is not labelled).
    case agent(SimulatedAgent)
}

/// The numbers a learning experiment reports.
struct LearningOutcome: CustomStringConvertible {
    var trainPairs: Int
    /// Held-out A/B pairs with different true quality (|Δq| ≥ 0.01), and the share the reward
    /// model orders as the truth does (a reward tie counts one half).
    var heldOutPairs: Int
    var pairwiseAccuracy: Double
    /// The same on the held-out pairs whose true quality differs by at least 0.05 — the
    /// smallest gap the careful-expert persona reports as a preference rather than a tie.
    var clearPairs: Int
    var clearPairwiseAccuracy: Double
    /// Mean judge helpfulness (1–5, no judge noise) of suggestion A on the held-out tickets.
    var untrainedHelpfulness: Double
    var trainedHelpfulness: Double
    /// Best achievable: the mean helpfulness of the truly best of the n candidates.
    var oracleHelpfulness: Double
    var gain: Double { trainedHelpfulness - untrainedHelpfulness }
    var description: String {
        "pairs \(trainPairs), held-out \(heldOutPairs), accuracy \(fmt(pairwiseAccuracy)) (|Δq| ≥ 0.05: \(clearPairs), \(fmt(clearPairwiseAccuracy))), helpfulness untrained \(fmt(untrainedHelpfulness)) → trained \(fmt(trainedHelpfulness)) (gain \(fmt(gain)), oracle \(fmt(oracleHelpfulness)))"
    }
    private func fmt(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return "\(r)"
    }
}

/// A learning experiment prepared once and evaluated under several labellers: the training
/// tickets served by the untrained generator (A/B and their true quality), and the held-out
/// tickets' A/B pair and n candidates with their judge scores. Every draw is keyed by
/// (seed, purpose, ticket).
struct PreferenceLearningBench {
    struct Served {
        var ticket: ServedTicket
        var a: Reply
        var b: Reply
        var qa: Double
        var qb: Double
        /// ``ReplyFeatures`` of A and B (no sentence prior: these experiments give no adoptions).
        var fa: [Double] = []
        var fb: [Double] = []
    }
    struct HeldOut {
        var served: Served
        var candidates: [Reply]
        /// Judge helpfulness (no noise) of each candidate.
        var helpfulness: [Double]
        var features: [[Double]]
    }
    var untrained: ExtractiveGenerator
    var train: [Served] = []
    var heldOut: [HeldOut] = []
    var judge: Judge
    var seed: UInt64

    init(
        train: [ServedTicket], heldOut: [ServedTicket], judge: Judge, config: GenerationConfig = GenerationConfig(),
        seed: UInt64 = 2026
    ) {
        self.untrained = ExtractiveGenerator(config: config)
        self.judge = judge
        self.seed = seed
        var noNoise = RandomStream(seed: seed, purpose: "judge")  // never drawn: no judge noise
        for t in train { self.train.append(serve(t)) }
        for t in heldOut {
            var rng = stream(t, "generation.serve")
            let all = untrained.candidates(for: t.ticket, articles: t.articles, rng: &rng)
            self.heldOut.append(
                HeldOut(
                    served: serve(t), candidates: all,
                    helpfulness: all.map { judge.helpfulness(of: $0, for: t.truth, rng: &noNoise) },
                    features: all.map { ReplyFeatures.vector($0, ticket: t.ticket, prior: SentencePrior()) }))
        }
    }

    func stream(_ t: ServedTicket, _ purpose: String) -> RandomStream {
        RandomStream(seed: seed, purpose: purpose, ids: [StableHash.fnv1a(t.ticket.id.rawValue)])
    }

    func serve(_ t: ServedTicket) -> Served {
        var rng = stream(t, "generation.serve")
        let (a, b) = untrained.suggest(for: t.ticket, articles: t.articles, rng: &rng)
        return Served(
            ticket: t, a: a, b: b, qa: judge.quality(of: a, for: t.truth).total,
            qb: judge.quality(of: b, for: t.truth).total,
            fa: ReplyFeatures.vector(a, ticket: t.ticket, prior: SentencePrior()),
            fb: ReplyFeatures.vector(b, ticket: t.ticket, prior: SentencePrior()))
    }

    /// Label the training pairs with `labeller` (its draws keyed by `labelSeed`), retrain, and measure.
    func run(_ labeller: Labeller, labelSeed: UInt64 = 1) -> (outcome: LearningOutcome, trained: ExtractiveGenerator) {
        let examples: [PreferenceExample] = train.compactMap { s in
            var rng = RandomStream(
                seed: labelSeed, purpose: "label", ids: [StableHash.fnv1a(s.ticket.ticket.id.rawValue)])
            let choice: PreferenceChoice, margin: PreferenceMargin?
            if case .agent(let agent) = labeller {
                var state = AgentState(persona: agent.persona)
                let shown = ShownSuggestion(
                    ticket: s.ticket.ticket, a: s.a, b: s.b, articles: s.ticket.articles.map(\.id))
                let feedback = agent.respond(
                    to: shown, truth: s.ticket.truth, published: { _ in true }, judge: judge, state: &state, rng: rng)
                guard let p = feedback.preference else { return nil }
                (choice, margin) = (p.choice, p.margin)
            } else {
                (choice, margin) = label(s.qa - s.qb, labeller, &rng)
            }
            return PreferenceExample(
                ticket: s.ticket.ticket, a: s.a, b: s.b,
                annotation: PreferenceAnnotation(
                    ticket: s.ticket.ticket.id, agent: "labeller", choice: choice, margin: margin))
        }
        let trained = untrained.retrained(preferences: examples, adoptions: [])
        var agree = 0.0, pairs = 0, clearAgree = 0.0, clear = 0
        var before = 0.0, after = 0.0, oracle = 0.0
        for h in heldOut {
            let s = h.served
            if abs(s.qa - s.qb) >= 0.01 {
                pairs += 1
                // The reward is `weights · features` (checked against `score` in the tests).
                let ra = dot(trained.reward.weights, s.fa)
                let rb = dot(trained.reward.weights, s.fb)
                let right = ra == rb ? 0.5 : ((ra > rb) == (s.qa > s.qb) ? 1.0 : 0)
                agree += right
                if abs(s.qa - s.qb) >= 0.05 {
                    clear += 1
                    clearAgree += right
                }
            }
            // Suggestion A of the untrained generator is candidate 0 (zero reward everywhere);
            // the trained one picks the highest reward, ties to the lowest index, as `suggest` does.
            before += h.helpfulness[0]
            let rewards = h.features.map { dot(trained.reward.weights, $0) }
            var best = 0
            for i in rewards.indices where rewards[i] > rewards[best] { best = i }
            after += h.helpfulness[best]
            oracle += h.helpfulness.max() ?? 1
        }
        let n = Double(max(1, heldOut.count))
        return (
            LearningOutcome(
                trainPairs: examples.count, heldOutPairs: pairs, pairwiseAccuracy: agree / Double(max(1, pairs)),
                clearPairs: clear, clearPairwiseAccuracy: clearAgree / Double(max(1, clear)),
                untrainedHelpfulness: before / n, trainedHelpfulness: after / n, oracleHelpfulness: oracle / n), trained
        )
    }
}

func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

/// The label for a pair whose true quality differs by `d = q_A − q_B`.
private func label(_ d: Double, _ labeller: Labeller, _ rng: inout RandomStream) -> (
    PreferenceChoice, PreferenceMargin?
) {
    switch labeller {
    case .agent: fatalError("agents label through SimulatedAgent.respond")
    case .random:
        let choice: PreferenceChoice = rng.bernoulli(0.5) ? .a : .b
        return (choice, PreferenceMargin.allCases[rng.int(below: 3)])
    case .careful(let temperature, let tieBand):
        if abs(d) < tieBand { return (.tie, nil) }
        let pA = 1 / (1 + exp(-d / temperature))
        let choice: PreferenceChoice = rng.bernoulli(pA) ? .a : .b
        let size = abs(d)
        return (choice, size < 0.05 ? .slightly : (size < 0.15 ? .clearly : .much))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
