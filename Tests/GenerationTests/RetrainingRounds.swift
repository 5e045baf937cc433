import Corpora
import WorldGenerator
import FlywheelCore
import Generation
import World

/// A mini flywheel for the generator alone: on a generated world served through
/// ``SyntheticStandIn``, each round the current generator serves the next `roundSize` tickets,
/// a labeller gives preference and adoption feedback on what it served, and the generator is
/// retrained on that window. Held-out helpfulness (judge without noise) is measured before the
/// first round and after each. Only the labeller and the judge read ``TicketTruth``; the
/// generator sees tickets, articles and annotations.
struct RetrainingRounds {
    /// Who gives the feedback each round.
    enum Labeller {
        /// A World simulated agent's `respond` (its persona's preference and adoption behaviour).
        case agent(SimulatedAgent)
        /// The control: a fair coin for A or B with a uniform margin, and a uniform adoption
        /// outcome and rationale — as many annotations as an agent gives, none about the truth.
        case random
    }

    var served: [ServedTicket]
    var heldOut: [ServedTicket]
    var rounds: Int
    var roundSize: Int
    let judge = Judge()

    /// The world of `articles` and `tickets` over `weeks`, its last `heldOut` tickets held out.
    init(seed: UInt64, articles: Int, tickets: Int, weeks: Int, heldOut: Int, rounds: Int, roundSize: Int) {
        let world = SyntheticWorld.generate(
            SyntheticWorldConfig(seed: seed, articles: articles, tickets: tickets, weeks: weeks))
        let all = SyntheticStandIn.served(world, seed: 11)
        precondition(rounds * roundSize + heldOut <= all.count, "the rounds and the held-out tickets overlap")
        self.served = all
        self.heldOut = Array(all.suffix(heldOut))
        self.rounds = rounds
        self.roundSize = roundSize
    }

    /// One round's training window and the generator it left.
    struct Round: CustomStringConvertible {
        var preferences: Int
        var adoptions: Int
        var helpfulness: Double
        var generator: ExtractiveGenerator
        var description: String {
            "\(preferences) preferences, \(adoptions) adoptions, helpfulness \(helpfulness.rounded3), length \(generator.policy.length), tone \(generator.policy.tone)"
        }
    }

    /// The untrained generator's held-out helpfulness, then every round's.
    func run(_ labeller: Labeller) -> [Round] {
        var g = ExtractiveGenerator()
        var curve = [Round(preferences: 0, adoptions: 0, helpfulness: helpfulness(g), generator: g)]
        for round in 0..<rounds {
            var preferences: [PreferenceExample] = [], adoptions: [AdoptionExample] = []
            for t in served[(round * roundSize)..<((round + 1) * roundSize)] {
                var rng = RandomStream(seed: 2026, purpose: "generation.serve", ids: [key(t)])
                let (a, b) = g.suggest(for: t.ticket, articles: t.articles, rng: &rng)
                let labels = RandomStream(seed: 5, purpose: "agent", ids: [UInt64(round), key(t)])
                let (preference, adoption) = feedback(labeller, t, a, b, labels)
                if let p = preference {
                    preferences.append(PreferenceExample(ticket: t.ticket, a: a, b: b, annotation: p))
                }
                if let d = adoption { adoptions.append(AdoptionExample(ticket: t.ticket, reply: a, annotation: d)) }
            }
            g = g.retrained(preferences: preferences, adoptions: adoptions)
            curve.append(
                Round(
                    preferences: preferences.count, adoptions: adoptions.count, helpfulness: helpfulness(g),
                    generator: g))
        }
        return curve
    }

    func feedback(
        _ labeller: Labeller, _ t: ServedTicket, _ a: Reply, _ b: Reply, _ rng: RandomStream
    ) -> (PreferenceAnnotation?, AdoptionAnnotation?) {
        switch labeller {
        case .agent(let agent):
            var state = AgentState(persona: agent.persona)
            let shown = ShownSuggestion(ticket: t.ticket, a: a, b: b, articles: t.articles.map(\.id))
            let f = agent.respond(
                to: shown, truth: t.truth, published: { _ in true }, judge: judge, state: &state, rng: rng)
            return (f.preference, f.adoption)
        case .random:
            var rng = rng
            let choice: PreferenceChoice = rng.bernoulli(0.5) ? .a : .b
            let margin = PreferenceMargin.allCases[rng.int(below: PreferenceMargin.allCases.count)]
            let outcome = AdoptionOutcome.allCases[rng.int(below: AdoptionOutcome.allCases.count)]
            let rationale =
                outcome == .used ? nil : RationaleCategory.allCases[rng.int(below: RationaleCategory.allCases.count)]
            return (
                PreferenceAnnotation(ticket: t.ticket.id, agent: "coin", choice: choice, margin: margin),
                AdoptionAnnotation(ticket: t.ticket.id, agent: "coin", outcome: outcome, rationale: rationale)
            )
        }
    }

    /// Mean judge helpfulness (1–5, no judge noise: the stream is never drawn) of suggestion A.
    func helpfulness(_ g: ExtractiveGenerator) -> Double {
        var unused = RandomStream(seed: 1, purpose: "judge")
        return heldOut.reduce(0.0) { sum, t in
            var rng = RandomStream(seed: 2026, purpose: "generation.serve", ids: [key(t)])
            return sum
                + judge.helpfulness(
                    of: g.suggest(for: t.ticket, articles: t.articles, rng: &rng).a, for: t.truth, rng: &unused)
        } / Double(heldOut.count)
    }

    func key(_ t: ServedTicket) -> UInt64 { StableHash.fnv1a(t.ticket.id.rawValue) }
}
