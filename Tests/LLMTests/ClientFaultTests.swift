import Foundation
import Testing

@testable import LLM

/// The chat completions client against a local fault-injecting server: retryable failures
/// (429, 5xx, a timeout, malformed JSON, a truncated body) are retried with backoff, others are
/// not, and the concurrency limit holds.
@Suite struct ClientFaultTests {
    static func endpoint(_ server: FaultServer, retries: Int = 3, timeout: Double = 10, concurrency: Int = 1)
        -> LLMEndpoint
    {
        LLMEndpoint(
            baseURL: server.baseURL, model: "test-model", apiKey: nil, maxTokens: 8, temperature: 0,
            concurrency: concurrency, retries: retries, timeout: timeout, backoff: 0.01)
    }

    static let request = ChatRequest(
        model: "test-model", messages: [ChatMessage(role: .user, content: "Where is my refund?")], maxTokens: 8,
        temperature: 0, seed: 1)

    func outcome(_ script: [FaultServer.Step], retries: Int = 3, timeout: Double = 10) throws -> (
        Result<(answer: ChatAnswer, attempts: Int), OpenAIClient.Failure>, FaultServer
    ) {
        let server = try FaultServer(script)
        defer { server.stop() }
        let client = OpenAIClient(endpoint: Self.endpoint(server, retries: retries, timeout: timeout))
        return (client.complete(Self.request), server)
    }

    @Test func retriesTooManyRequestsAndServerErrorsThenAnswers() throws {
        let (result, server) = try outcome([.status(429), .status(500), .status(503), .answer("It is on its way.")])
        let (answer, attempts) = try result.get()
        #expect(answer.content == "It is on its way.")
        #expect(answer.promptTokens == 11 && answer.completionTokens == 3)
        #expect(attempts == 4)
        // every attempt sent the same canonical body
        #expect(Set(server.requestBodies) == [String(decoding: Self.request.canonicalJSON, as: UTF8.self)])
    }

    @Test func retriesATimeout() throws {
        let started = Date()
        let (result, _) = try outcome([.hang(3), .answer("late but fine")], timeout: 1)
        let (answer, attempts) = try result.get()
        #expect(answer.content == "late but fine")
        #expect(attempts == 2)
        #expect(Date().timeIntervalSince(started) >= 1)  // the first attempt waited for its timeout
    }

    @Test func retriesMalformedJSONAndATruncatedBody() throws {
        let (result, _) = try outcome([.malformedJSON, .truncated, .answer("ok")])
        let (answer, attempts) = try result.get()
        #expect(answer.content == "ok")
        #expect(attempts == 3)
    }

    @Test func givesUpAfterItsRetriesWithTheLastError() throws {
        let (result, server) = try outcome([.status(500), .status(502), .status(500)], retries: 2)
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.attempts == 3)
        #expect(failure.error == .http(status: 500, body: #"{"error":"scripted"}"#))
        #expect(server.requestBodies.count == 3)
    }

    @Test func doesNotRetryARefusedKey() throws {
        let (result, server) = try outcome([.status(401), .answer("never reached")])
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.attempts == 1)
        #expect("\(failure.error)".contains("refused the API key"))
        #expect(server.requestBodies.count == 1)
    }

    @Test func backoffDoublesWithJitterOfAtMostAsMuch() throws {
        let server = try FaultServer([])
        defer { server.stop() }
        var endpoint = Self.endpoint(server)
        endpoint.backoff = 0.5
        let client = OpenAIClient(endpoint: endpoint)
        for attempt in 1...4 {
            let base = 0.5 * pow(2, Double(attempt - 1))
            let wait = client.backoff(afterAttempt: attempt)
            #expect(wait >= base && wait <= 2 * base)
        }
    }

    @Test(arguments: [1, 2])
    func keepsAtMostConcurrencyRequestsInFlight(limit: Int) throws {
        let server = try FaultServer([], fallback: .answer("slow", delay: 0.15))
        defer { server.stop() }
        let client = OpenAIClient(endpoint: Self.endpoint(server, concurrency: limit))
        DispatchQueue.concurrentPerform(iterations: 5) { _ in _ = client.complete(Self.request) }
        #expect(server.requestBodies.count == 5)
        #expect(server.mostConnectionsAtOnce <= limit)
    }
}
