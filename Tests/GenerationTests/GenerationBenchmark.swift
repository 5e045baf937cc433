import Corpora
import FlywheelCore
import Foundation
import Generation
import Testing
import World

// Gated benchmarks for Benchmarks/results/generation.md (FLYWHEEL_BENCH=1): the generator's
// throughput (a timing: never in unit tests) and the three-round mini flywheel at the scale of
// the documented table (about 10x the work of its every-run version, RetrainingRoundsTests).

@Suite(.enabled(if: ProcessInfo.processInfo.environment["FLYWHEEL_BENCH"] == "1", "set FLYWHEEL_BENCH=1 to run"))
struct GenerationBenchmark {
    /// The three-round mini flywheel at benchmark scale (Benchmarks/results/generation.md, "A
    /// three-round mini flywheel"): 2,000 tickets, 560 per round, 300 held out; the same claim
    /// as `RetrainingRoundsTests` (which runs it small in every `swift test`): held-out
    /// helpfulness ends at least 0.2 above the untrained generator and never falls by more than
    /// 0.05 in a round.
    ///
    /// Measured: 3.634 → 3.915 → 4.016 → 4.046 (length policy 3 → 4, then held by the adoption
    /// record; tone friendly → formal from round 2): most of the gain comes in round 1.
    @Test func threeRoundsWithTheCarefulExpertAtBenchmarkScale() throws {
        let bench = RetrainingRounds(seed: 7, articles: 300, tickets: 2000, weeks: 8, heldOut: 300, rounds: 3, roundSize: 560)
        let rounds = bench.run(.agent(try carefulExpert()))
        for (i, round) in rounds.enumerated() { print("round \(i): \(round)") }
        let curve = rounds.map(\.helpfulness)
        #expect(curve.last! > curve[0] + 0.2)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.1 > $0.0 - 0.05 })
    }

    /// `suggest` and `retrained` wall time (printed; the shared machine makes it noisy).
    @Test func throughput() {
        let world = SyntheticWorld.generate(SyntheticWorldConfig(seed: 7, articles: 300, tickets: 2000, weeks: 8))
        let served = SyntheticStandIn.served(world, seed: 11)
        let g = ExtractiveGenerator()
        let clock = ContinuousClock()
        var pairs: [PreferenceExample] = []
        let serve = clock.measure {
            for t in served {
                var rng = RandomStream(seed: 1, purpose: "bench", ids: [StableHash.fnv1a(t.ticket.id.rawValue)])
                let (a, b) = g.suggest(for: t.ticket, articles: t.articles, rng: &rng)
                pairs.append(PreferenceExample(ticket: t.ticket, a: a, b: b, annotation: PreferenceAnnotation(ticket: t.ticket.id, agent: "x", choice: pairs.count % 2 == 0 ? .a : .b, margin: .clearly)))
            }
        }
        var trained = g
        let train = clock.measure { trained = g.retrained(preferences: pairs, adoptions: []) }
        print("suggest: \(served.count) tickets in \(serve); retrained on \(pairs.count) pairs in \(train)")
        #expect(trained.version == 1)
    }
}
