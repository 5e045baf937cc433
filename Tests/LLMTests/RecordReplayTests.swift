import FlywheelCore
import Foundation
import Testing

@testable import LLM

/// The record/replay cache: record keeps every answer keyed by the request's SHA-256, replay
/// answers offline from it alone, a replay miss and a spent budget end the run naming the
/// request, and the file is the same bytes for the same answers.
@Suite struct RecordReplayTests {
    static func request(_ text: String) -> ChatRequest {
        ChatRequest(
            model: "m", messages: [ChatMessage(role: .user, content: text)], maxTokens: 8, temperature: 0, seed: 3)
    }

    static func service(
        _ url: URL, mode: LLMCacheMode, cache: String?, budget: LLMBudget = LLMBudget(requests: nil, tokens: nil)
    ) throws -> LLMService {
        let endpoint = LLMEndpoint(
            baseURL: url, model: "m", apiKey: nil, maxTokens: 8, temperature: 0, concurrency: 1, retries: 0,
            timeout: 10,
            backoff: 0.01)
        return try LLMService(
            roles: [.generator: .init(endpoint: endpoint, budget: budget)], mode: mode, cachePath: cache)
    }

    func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("llm-\(UUID().uuidString).jsonl.zst").path
    }

    @Test func replayAnswersOfflineWhatRecordFetched() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try FaultServer([.answer("first"), .answer("second")])
        let recorder = try Self.service(server.baseURL, mode: .record, cache: path)
        #expect(recorder.complete(Self.request("one"), role: .generator, purpose: "test")?.content == "first")
        #expect(recorder.complete(Self.request("two"), role: .generator, purpose: "test")?.content == "second")
        // a repeated request is a cache hit, not a third request
        #expect(recorder.complete(Self.request("one"), role: .generator, purpose: "test")?.content == "first")
        try recorder.throwIfFailed()
        try recorder.save()
        #expect(server.requestBodies.count == 2)
        server.stop()

        let offline = URL(string: "http://127.0.0.1:9/v1")!  // nothing listens: replay must not ask
        let replayer = try Self.service(offline, mode: .replay, cache: path)
        #expect(replayer.complete(Self.request("two"), role: .generator, purpose: "test")?.content == "second")
        #expect(replayer.complete(Self.request("one"), role: .generator, purpose: "test")?.content == "first")
        try replayer.throwIfFailed()
        #expect(
            replayer.usage.roles["generator"] == LLMUsage.Counts(calls: 2, cacheHits: 2, sent: 0, retries: 0, tokens: 0)
        )
    }

    @Test func aReplayMissEndsTheRunNamingTheRequest() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let server = try FaultServer([.answer("known")])
        let recorder = try Self.service(server.baseURL, mode: .record, cache: path)
        _ = recorder.complete(Self.request("known"), role: .generator, purpose: "test")
        try recorder.save()
        server.stop()

        let replayer = try Self.service(URL(string: "http://127.0.0.1:9/v1")!, mode: .replay, cache: path)
        let missing = Self.request("never recorded")
        #expect(replayer.complete(missing, role: .generator, purpose: "generator A for ticket T-7") == nil)
        // later calls fail at once, even ones the cache holds
        #expect(replayer.complete(Self.request("known"), role: .generator, purpose: "test") == nil)
        #expect(throws: InputError.self) { try replayer.throwIfFailed() }
        do {
            try replayer.throwIfFailed()
        } catch let error as InputError {
            #expect(error.file == path)
            #expect(error.message.contains(missing.key))
            #expect(error.message.contains("generator A for ticket T-7"))
        }
    }

    @Test func replayWithoutACacheFileIsBadInput() throws {
        let path = temporaryFile()
        #expect(throws: InputError.self) {
            try Self.service(URL(string: "http://127.0.0.1:9/v1")!, mode: .replay, cache: path)
        }
    }

    @Test func aSpentBudgetEndsTheRun() throws {
        let server = try FaultServer([])
        defer { server.stop() }
        let service = try Self.service(
            server.baseURL, mode: .off, cache: nil, budget: LLMBudget(requests: 2, tokens: nil))
        #expect(service.complete(Self.request("a"), role: .generator, purpose: "test") != nil)
        #expect(service.complete(Self.request("b"), role: .generator, purpose: "test") != nil)
        #expect(service.complete(Self.request("c"), role: .generator, purpose: "test") == nil)
        #expect(server.requestBodies.count == 2)
        do {
            try service.throwIfFailed()
            Issue.record("expected the budget to end the run")
        } catch let error as InputError {
            #expect(error.field == "system.generator.openai.budget")
            #expect(error.message.contains("budget of 2 requests"))
        }
    }

    @Test func theCacheFileIsTheSameBytesForTheSameAnswers() throws {
        let first = temporaryFile(), second = temporaryFile()
        defer { for p in [first, second] { try? FileManager.default.removeItem(atPath: p) } }
        for (path, order) in [(first, ["x", "y", "z"]), (second, ["z", "x", "y"])] {
            let server = try FaultServer([], fallback: .answer("same"))
            let recorder = try Self.service(server.baseURL, mode: .record, cache: path)
            for text in order { _ = recorder.complete(Self.request(text), role: .generator, purpose: "test") }
            try recorder.save()
            server.stop()
        }
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(try LLMCache(path: first).count == 3)
    }

    @Test func theKeyIsTheSHA256OfTheCanonicalBody() {
        let body = String(decoding: Self.request("hi").canonicalJSON, as: UTF8.self)
        #expect(
            body
                == #"{"max_tokens":8,"messages":[{"content":"hi","role":"user"}],"model":"m","seed":3,"temperature":0}"#
        )
        #expect(Self.request("hi").key.count == 64)
        #expect(Self.request("hi").key != Self.request("hi!").key)
    }
}
