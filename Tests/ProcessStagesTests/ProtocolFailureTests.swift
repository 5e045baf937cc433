import FlywheelCore
import Foundation
import ProcessStages
import Testing

/// A plugin that breaks the protocol ends the run with one line naming the stage, the request
/// and the tail of the plugin's stderr (docs/protocol.md, "Failures"). Each test drives
/// Fixtures/misbehave.sh, which answers hello and index and then fails the first `retrieve` in
/// one way.
@Suite struct ProtocolFailureTests {
    static let articles = [
        Article(id: "a1", title: "Refund a cancelled stay", body: "Refunds reach the card in five days."),
        Article(id: "a2", title: "Change the card on file", body: "Open payments and add a new card.")
    ]
    static let ticket = Ticket(
        id: "t1", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), text: "where is my refund")

    static func retriever(_ mode: String, timeout: Double = 2) throws -> ProcessRetriever {
        let script = Bundle.module.path(forResource: "misbehave", ofType: "sh", inDirectory: "Fixtures")!
        let command = PluginCommand(
            stage: "retriever", command: ["sh", script, mode], timeoutSeconds: timeout,
            directory: FileManager.default.currentDirectoryPath)
        return try ProcessRetriever.start(command, seed: 1, settings: ["k1": 1.2], published: articles)
    }

    /// The error a first retrieve ends with.
    static func failure(_ mode: String, timeout: Double = 2) throws -> InputError {
        let r = try retriever(mode, timeout: timeout)
        do {
            _ = try r.retrieve(batch: [ticket], depth: 75, attachingParts: false)
        } catch let error as InputError {
            // and the channel stays failed: the next request throws the same error at once
            #expect(throws: error) { try r.retrieve(batch: [ticket], depth: 75, attachingParts: false) }
            return error
        }
        Issue.record("no error for \(mode)")
        return InputError("none")
    }

    @Test func aWellBehavedPluginsListsArrive() throws {
        let lists = try Self.retriever("good").retrieve(batch: [Self.ticket], depth: 75, attachingParts: false)
        #expect(
            lists == [
                RankedList(ticket: "t1", entries: [.init(article: "a2", score: 2.5), .init(article: "a1", score: 1)])
            ])
    }

    @Test func aVersion4PluginsCompactListsArriveAsTheSameLists() throws {
        let lists = try Self.retriever("v4-good").retrieve(batch: [Self.ticket], depth: 75, attachingParts: false)
        #expect(
            lists == [
                RankedList(ticket: "t1", entries: [.init(article: "a2", score: 2.5), .init(article: "a1", score: 1)])
            ], "ordinals 1 and 0 are the second and first article indexed; the scores their bit patterns")
    }

    @Test func compactListsThatDoNotHoldTogetherSayWhy() throws {
        #expect(
            try Self.failure("v4-ordinal").message.contains(
                "broke the protocol: results[0].articles[0] is 2, not the ordinal of one of the model's 2 articles"))
        #expect(
            try Self.failure("v4-scores").message.contains("broke the protocol: results[0] has 2 articles and 1 scores")
        )
        #expect(
            try Self.failure("v4-hex").message.contains(
                "broke the protocol: results[0].scores is not 16 hex digits per score: 400400000000000g"))
        #expect(
            try Self.failure("compact").message.contains(
                "broke the protocol: results[0] is a compact list, which only a retrieve reply of protocol 4 or later may write"
            ))
    }

    @Test func crashNamesTheExitStatusAndTheStderrTail() throws {
        let e = try Self.failure("crash")
        #expect(e.field == "system.retriever")
        #expect(e.message.contains("request 3 (retrieve): crashed: exited with status 3 before replying"))
        #expect(e.message.hasSuffix("stderr tail: misbehave: loading the model | misbehave: out of memory, giving up"))
        #expect(!e.description.contains("\n"))
    }

    @Test func timeoutNamesTheLimit() throws {
        let start = Date()
        let e = try Self.failure("timeout", timeout: 1)
        #expect(e.message.contains("request 3 (retrieve): timed out: no reply within 1 s"))
        #expect(e.message.hasSuffix("stderr tail: misbehave: thinking"))
        #expect(Date().timeIntervalSince(start) < 10, "the plugin is killed, not waited for")
    }

    @Test func nonJSONQuotesTheLine() throws {
        let e = try Self.failure("notjson")
        #expect(
            e.message.contains(
                "request 3 (retrieve): replied with a line that is not JSON: Traceback (most recent call last): this is not JSON"
            ))
        #expect(e.message.hasSuffix("no stderr output"))
    }

    @Test func violationsSayWhatBroke() throws {
        #expect(
            try Self.failure("count").message.contains(
                "request 3 (retrieve): broke the protocol: 0 results for 1 tickets"))
        #expect(try Self.failure("wrongid").message.contains("broke the protocol: the reply's id is 7, expected 3"))
        #expect(
            try Self.failure("unknown").message.contains(
                "broke the protocol: results[0][0] names article 'no-such-article', which it was not offered"))
    }

    @Test func anErrorReplyEndsTheRunToo() throws {
        #expect(
            try Self.failure("refuse").message.contains(
                "request 3 (retrieve): answered with an error: model 0 is not loaded"))
    }

    @Test func aMissingProgramFailsAtTheHello() throws {
        let command = PluginCommand(
            stage: "reranker", command: ["no-such-plugin-program"], timeoutSeconds: 2,
            directory: FileManager.default.currentDirectoryPath)
        #expect {
            _ = try ProcessReranker.start(command, seed: 1, settings: ["depth": 8], published: Self.articles)
        } throws: { error in
            let e = error as! InputError
            return e.field == "system.reranker" && e.message.contains("request 1 (hello): crashed")
                && e.message.contains("no-such-plugin-program")
        }
    }
}
