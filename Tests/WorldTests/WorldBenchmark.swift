import Corpora
import WorldGenerator
import FlywheelCore
import Foundation
import Testing
import WorldTruth

@testable import World

/// Throughput of the judge and of a simulated agent on a generated world, for
/// Benchmarks/results/world.md. Runs only with `FLYWHEEL_BENCH=1` (it asserts nothing about
/// speed, only that work was done), e.g.
/// `FLYWHEEL_BENCH=1 swift test -c release --filter WorldBenchmark`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["FLYWHEEL_BENCH"] == "1", "set FLYWHEEL_BENCH=1 to run"))
struct WorldBenchmark {
    @Test func judgeAndAgentThroughput() throws {
        let world = SyntheticWorldJudgeTests.world
        let articles = SyntheticWorldJudgeTests.articles
        let records = world.tickets.filter { !$0.truth.nuggets.isEmpty }
        // replies: first three sentences of each of the first two relevant articles
        let replies: [Reply] = records.map { r in
            let sentences = r.truth.relevantArticles.prefix(2).flatMap { id in
                SyntheticWorldJudgeTests.sentences(of: articles[id]!).prefix(3).enumerated().map {
                    Reply.Sentence(text: $1, article: id, articleRank: 1, position: $0)
                }
            }
            return Reply(greeting: "Hi,", sentences: sentences, closing: "Best regards.", tone: .friendly)
        }
        let judge = Judge()
        let rounds = 20
        var sink = 0.0
        let t0 = Date()
        for _ in 0..<rounds {
            for (r, reply) in zip(records, replies) { sink += judge.quality(of: reply, for: r.truth).total }
        }
        let judgeSeconds = Date().timeIntervalSince(t0)
        let judgeCalls = rounds * records.count

        let agent = SimulatedAgent(id: "bench", persona: try TestSupport.persona("careful-expert"))
        var state = AgentState(persona: agent.persona)
        let t1 = Date()
        var annotations = 0
        for round in 0..<rounds {
            for (i, (r, reply)) in zip(records, replies).enumerated() {
                let shown = ShownSuggestion(
                    ticket: r.ticket, a: reply, b: replies[(i + 1) % replies.count],
                    articles: Array(r.truth.relevantArticles.prefix(8)))
                let f = agent.respond(
                    to: shown, truth: r.truth, published: { _ in true }, judge: judge, state: &state,
                    rng: RandomStream(seed: 1, purpose: "bench", ids: [UInt64(round), UInt64(i)]))
                annotations += f.annotations.count
                if i % 40 == 0 { state.startShift() }
            }
        }
        let agentSeconds = Date().timeIntervalSince(t1)
        print(
            String(
                format:
                    "world bench: judge %.1f µs/call over %d calls; agent respond %.1f µs/ticket over %d tickets (%d annotations); mean quality %.3f",
                judgeSeconds / Double(judgeCalls) * 1e6, judgeCalls, agentSeconds / Double(judgeCalls) * 1e6,
                judgeCalls, annotations,
                sink / Double(judgeCalls)))
        #expect(annotations > 0)
    }
}
