import FlywheelCore
import Foundation
import LLMJudging
import Testing
import World
import WorldTruth

@testable import LLM

/// The OpenAI generator learns few-shot examples only from annotations, attributes its sentences
/// to the articles they quote, and the LLM judge re-asks after a malformed score and gives none
/// when every answer is malformed.
@Suite struct GeneratorAndJudgeTests {
    static let refund = Article(
        id: "KB-1", title: "Refunds",
        body: "Refunds reach your card within 5 business days. You can follow the refund on the orders page.")
    static let shipping = Article(id: "KB-2", title: "Shipping", body: "Parcels ship from our warehouse every weekday.")
    static let ticket = Ticket(
        id: "T-1", createdAt: Timestamp(secondsSinceEpoch: 1_000), text: "When do I get my refund?")

    static func service(_ server: FaultServer, role: LLMRole = .generator, retries: Int = 2) throws -> LLMService {
        let endpoint = LLMEndpoint(
            baseURL: server.baseURL, model: "m", apiKey: nil, maxTokens: 64, temperature: 0.2, concurrency: 1,
            retries: retries, timeout: 10, backoff: 0.01)
        return try LLMService(
            roles: [role: .init(endpoint: endpoint, budget: .init(requests: nil, tokens: nil))], mode: .off,
            cachePath: nil)
    }

    @Test func sentencesAreAttributedToTheArticleTheyQuote() {
        let reply = ReplyAttribution.reply(
            from: "Hello! Refunds reach your card within 5 business days. Our CEO likes cats.",
            articles: [Self.shipping, Self.refund])
        #expect(reply.sentences.count == 3)
        #expect(reply.sentences[1].article == "KB-1")
        #expect(reply.sentences[1].articleRank == 2)
        #expect(reply.sentences[1].position == 1)  // after the title sentence
        #expect(reply.sentences[2].article == ReplyAttribution.unattributed)
    }

    @Test func learnsEndorsedRepliesAsExamplesAndShowsThemInThePrompt() throws {
        let server = try FaultServer([], fallback: .answer("Refunds reach your card within 5 business days."))
        defer { server.stop() }
        let service = try Self.service(server)
        var settings = OpenAIGenerator.Settings()
        settings.examples = 1
        let untrained = OpenAIGenerator(
            settings: settings, endpoint: service.endpoint(for: .generator)!, service: service)
        var rng = RandomStream(seed: 1, purpose: "generate", ids: [1])
        let (a, b) = try untrained.suggest(for: Self.ticket, articles: [Self.refund], rng: &rng)
        #expect(a.sentences.first?.article == "KB-1")
        #expect(server.requestBodies.count == 2)
        #expect(!server.requestBodies[0].contains("Example reply"))
        #expect(server.requestBodies[0] != server.requestBodies[1])  // B has its own seed

        // an adopted reply A and a preferred reply B become examples; a rejected one does not
        let earlier = Ticket(id: "T-0", createdAt: Timestamp(secondsSinceEpoch: 500), text: "Where is my refund?")
        let served = ServedSuggestion(ticket: earlier, shown: RankedList(ticket: "T-0", entries: []), a: a, b: b)
        let other = Ticket(id: "T-9", createdAt: Timestamp(secondsSinceEpoch: 600), text: "Do you ship on Sunday?")
        let rejected = Reply(
            greeting: "", sentences: [.init(text: "Parcels never ship.", article: "KB-2", articleRank: 1, position: 0)],
            closing: "", tone: .friendly)
        let batch = TrainingBatch(
            iteration: 1,
            adoptions: [
                (served, AdoptionAnnotation(ticket: "T-0", agent: "agent-001", outcome: .used)),
                (
                    ServedSuggestion(
                        ticket: other, shown: RankedList(ticket: "T-0", entries: []), a: rejected, b: rejected),
                    AdoptionAnnotation(
                        ticket: "T-9", agent: "agent-001", outcome: .rejected, rationale: .incorrectInformation)
                )
            ])
        let trained = untrained.retrained(with: batch)
        #expect(trained.learnedExamples == 1)
        #expect(untrained.learnedExamples == 0)
        var again = RandomStream(seed: 1, purpose: "generate", ids: [1])
        _ = try trained.suggest(for: Self.ticket, articles: [Self.refund], rng: &again)
        #expect(server.requestBodies[2].contains("Where is my refund?"))
        #expect(server.requestBodies[2].contains("Example reply"))
        #expect(!server.requestBodies[2].contains("Parcels never ship"))
    }

    static let truth = TicketTruth(
        ticket: "T-1", relevant: ["KB-1": 2], nuggets: [Nugget(text: "Refunds reach your card within 5 business days.")]
    )

    @Test func theJudgeReasksAfterAMalformedScore() throws {
        let server = try FaultServer([.answer("This reply is great!"), .answer(" 4 ")])
        defer { server.stop() }
        let service = try Self.service(server, role: .judge)
        let judge = LLMJudge(settings: .init(), endpoint: service.endpoint(for: .judge)!, service: service)
        let reply = ReplyAttribution.reply(
            from: "Refunds reach your card within 5 business days.", articles: [Self.refund])
        var rng = RandomStream(seed: 1, purpose: "eval-judge", ids: [1])
        #expect(judge.helpfulness(of: reply, for: Self.ticket, truth: Self.truth, rng: &rng) == 4)
        #expect(server.requestBodies.count == 2)
        #expect(server.requestBodies[0].contains("Refunds reach your card within 5 business days."))  // the nugget
        #expect(server.requestBodies[0] != server.requestBodies[1])  // a re-ask is a new request
    }

    @Test func theJudgeGivesNoScoreWhenEveryAnswerIsMalformed() throws {
        let server = try FaultServer([], fallback: .answer("maybe a four?"))
        defer { server.stop() }
        let service = try Self.service(server, role: .judge, retries: 2)
        let judge = LLMJudge(settings: .init(), endpoint: service.endpoint(for: .judge)!, service: service)
        var rng = RandomStream(seed: 1, purpose: "eval-judge", ids: [1])
        let reply = Reply(greeting: "", sentences: [], closing: "", tone: .friendly)
        #expect(judge.helpfulness(of: reply, for: Self.ticket, truth: Self.truth, rng: &rng) == nil)
        #expect(server.requestBodies.count == 3)
        try service.throwIfFailed()  // malformed answers are counted, not a failure of the run
    }

    @Test func templatesMayUseOnlyTheirRolesPlaceholders() {
        #expect(PromptTemplate.unknownSlots(in: "{{ticket}} {{articles}} {{examples}}", for: .generator).isEmpty)
        #expect(PromptTemplate.unknownSlots(in: "{{ticket}} {{reply}}", for: .generator) == ["reply"])
        #expect(PromptTemplate.unknownSlots(in: "{{ticket}} {{reference}} {{nugets}}", for: .judge) == ["nugets"])
        #expect(PromptTemplate("A {{ticket}} B {{ticket}}").render([.ticket: "x"]) == "A x B x")
    }
}
