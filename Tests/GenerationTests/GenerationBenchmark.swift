import Corpora
import WorldGenerator
import FlywheelCore
import Foundation
import Generation
import Testing
import World
import WorldTruth

// The gated benchmark for Benchmarks/results/generation.md (FLYWHEEL_BENCH=1): the generator's
// throughput, a timing, which never belongs in unit tests. (The three-round mini flywheel that
// was gated here runs in every `swift test`: RetrainingRoundsTests.)

@Suite(.enabled(if: ProcessInfo.processInfo.environment["FLYWHEEL_BENCH"] == "1", "set FLYWHEEL_BENCH=1 to run"))
struct GenerationBenchmark {
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
                pairs.append(
                    PreferenceExample(
                        ticket: t.ticket, a: a, b: b,
                        annotation: PreferenceAnnotation(
                            ticket: t.ticket.id, agent: "x", choice: pairs.count % 2 == 0 ? .a : .b, margin: .clearly)))
            }
        }
        var trained = g
        let train = clock.measure { trained = g.retrained(preferences: pairs, adoptions: []) }
        print("suggest: \(served.count) tickets in \(serve); retrained on \(pairs.count) pairs in \(train)")
        #expect(trained.version == 1)
    }
}
