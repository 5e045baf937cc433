import FlywheelCore
import Generation
import Testing

/// The generator learns from the flywheel's own feedback, round after round (issue 4; issue 18
/// item 6: the claim runs in every `swift test`, about 5 s in a debug build): three rounds of
/// serving 250 tickets of a generated world (seed 7: 200 articles, 1,200 tickets over 6
/// weeks), feedback from one careful-expert agent, retraining on that window. Held-out
/// helpfulness (200 tickets, judge without noise) must end at least 0.2 above the untrained
/// generator and never fall by more than 0.05 in a round. The control — the same rounds
/// labelled by a coin (preferences and adoptions independent of the truth) — must not gain
/// 0.05, and must end at least 0.2 below the expert. Every draw is keyed by fixed seeds.
///
/// Measured: expert 4.088 → 4.380 → 4.541 → 4.548; random 4.088 → 3.858 → 3.837 → 3.946.
@Suite struct RetrainingRoundsTests {
    static let rounds = RetrainingRounds(
        seed: 7, articles: 200, tickets: 1200, weeks: 6, heldOut: 200, rounds: 3, roundSize: 250)

    @Test func threeRoundsWithTheCarefulExpertRaiseHelpfulnessAndCoinLabelsDoNot() throws {
        let expert = Self.rounds.run(.agent(try carefulExpert())).map(\.helpfulness)
        let coin = Self.rounds.run(.random).map(\.helpfulness)
        print("careful-expert rounds: \(expert.map(\.rounded3)); coin labels: \(coin.map(\.rounded3))")
        #expect(expert.last! >= expert[0] + 0.2, "\(expert)")
        #expect(zip(expert, expert.dropFirst()).allSatisfy { $0.1 > $0.0 - 0.05 }, "\(expert)")
        #expect(coin[0] == expert[0])
        #expect(coin.last! < coin[0] + 0.05, "\(coin)")
        #expect(expert.last! >= coin.last! + 0.2)
    }

    /// The same rounds at the scale of Benchmarks/results/generation.md ("A three-round mini
    /// flywheel": seed 7, 300 articles, 2,000 tickets over 8 weeks, 560 per round, 300 held
    /// out; ~8 s debug), with the same bounds: a gain of more than 0.2 and no round falling by
    /// more than 0.05. Measured: 4.216 → 4.495 → 4.596 → 4.616 (length 3 → 4 → 5 → 5, tone
    /// friendly → friendly → formal → formal). Before the tone policy's same-sentence veto the
    /// adoption record switched the tone to `brief` in round 2 (4.495 → 4.428; see
    /// docs/reply-generation.md, "Why the tone turned brief").
    @Test func atBenchmarkScaleTheCarefulExpertGains() throws {
        let bench = RetrainingRounds(
            seed: 7, articles: 300, tickets: 2000, weeks: 8, heldOut: 300, rounds: 3, roundSize: 560)
        let rounds = bench.run(.agent(try carefulExpert()))
        for (i, round) in rounds.enumerated() { print("round \(i): \(round)") }
        let curve = rounds.map(\.helpfulness)
        #expect(curve.last! > curve[0] + 0.2, "\(curve)")
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.1 > $0.0 - 0.05 }, "\(curve)")
        #expect(rounds.allSatisfy { $0.generator.policy.tone != .brief }, "the judge marks brief replies down")
    }
}
