import FlywheelCore
import Testing
import World
import WorldTruth

@testable import Engine

/// A window's feedback from simulated agents answered on several threads
/// (``SimulatedFeedback/feedback(onWindow:threads:)``): each agent answers its own tickets in
/// order on its own state, so the answers and the agents' final states are those of asking
/// ticket by ticket on one thread, window after window.
@Suite struct SimulatedFeedbackWindowTests {
    static let tickets = Array(EngineFixture.world.tickets.prefix(400))

    /// Five agents of two personas (fatigue and trust differ), fresh.
    static func source() throws -> SimulatedFeedback {
        let careful = try EngineFixture.persona("careful-expert")
        let rushed = try EngineFixture.persona("rushed")
        return SimulatedFeedback(
            agents: (0..<5).map { SimulatedAgent(id: AgentID("agent-\($0)"), persona: $0 % 2 == 0 ? careful : rushed) })
    }

    /// Each ticket served with its relevant articles and two others shown, and two short replies.
    static func requests() -> [FeedbackRequest] {
        let articles = EngineFixture.world.articles.map(\.id)
        let published = Set(articles)
        return tickets.map { record in
            let shown = record.truth.relevant.keys.sorted() + articles.prefix(2)
            let reply = { (greeting: String) in Reply(greeting: greeting, sentences: [], closing: "", tone: .brief) }
            return FeedbackRequest(
                record: record,
                served: ServedSuggestion(
                    ticket: record.ticket,
                    shown: RankedList(
                        ticket: record.ticket.id,
                        entries: shown.enumerated().map { .init(article: $0.element, score: -Double($0.offset)) }),
                    a: reply("Hi"), b: reply("Hello")),
                context: FeedbackContext(
                    seed: 7, replicate: 1, published: published, library: articles.sorted(),
                    judging: JudgingContext(truth: record.truth, judge: Judge())))
        }
    }

    @Test(arguments: [2, 3])
    func windowsAnsweredOnSeveralThreadsAreTheOneByOneAnswers(threads: Int) throws {
        let requests = Self.requests()
        var serial = try Self.source()
        let one = requests.map { serial.feedback(on: $0.record, served: $0.served, context: $0.context) }
        var parallel = try Self.source()
        // two windows: the second goes on from the states the first left
        let many =
            parallel.feedback(onWindow: Array(requests[..<150]), threads: threads)
            + parallel.feedback(onWindow: Array(requests[150...]), threads: threads)
        #expect(many.map { $0.map(\.feedback) } == one.map { $0.map(\.feedback) })
        #expect(many.map { $0.map(\.persona) } == one.map { $0.map(\.persona) })
        #expect(many.map { $0.map(\.time) } == one.map { $0.map(\.time) })
        #expect(parallel.agentStates == serial.agentStates)
        #expect(parallel.lastShift == serial.lastShift)
        // not vacuous: the agents annotated, over several shifts (fatigue reset at each)
        #expect(one.joined().contains { $0.feedback.adoption != nil })
        #expect(one.joined().contains { !$0.feedback.relevance.isEmpty })
        #expect(Set(Self.tickets.map { $0.ticket.createdAt.secondsSinceEpoch / (8 * 3600) }).count > 3)
    }
}
