import FlywheelCore
import Foundation
import Retrieval
import Testing

@testable import ProcessStages

/// Version 5's `inputs` (docs/protocol.md, "Inputs"): a plugin that names the fields of tickets
/// and articles it reads gets only those (and `id`), written byte for byte as the encoder writes
/// them and fitting the schemas; without the field, or before version 5, it gets every field.
@Suite struct InputsTests {
    static let subsets: [Set<PluginMessages.Input>] = [
        [], [.text], [.tokens], [.createdAt], [.text, .createdAt], [.tokens, .createdAt], PluginMessages.Input.all
    ]

    @Test func aTicketCarriesItsIdAndTheNamedFieldsOnly() {
        let ticket = ProtocolSchemaTests.ticket
        let analyzer = Analyzer()
        let text = WireTicket(ticket, analyzer: analyzer, inputs: [.text, .createdAt])
        #expect(text.id == ticket.id.rawValue && text.text == ticket.text && text.createdAt == ticket.createdAt.iso8601)
        #expect(text.tokens == nil)
        let tokens = WireTicket(ticket, analyzer: analyzer, inputs: [.tokens])
        #expect(tokens.tokens == analyzer.queryTerms(ticket.text) && tokens.text == nil && tokens.createdAt == nil)
        let article = WireArticle(ProtocolSchemaTests.article, analyzer: analyzer, inputs: [.tokens])
        #expect(article.title == nil && article.body == nil && article.tokens?.isEmpty == false)
        let whole = WireArticle(ProtocolSchemaTests.article, analyzer: analyzer)
        #expect(whole.title != nil && whole.body != nil && whole.tokens == article.tokens)
    }

    @Test func theWrittenRequestsAreTheEncodersForEveryChoiceOfInputs() throws {
        let analyzer = Analyzer()
        for inputs in Self.subsets {
            let tickets = RequestWriterTests.tricky.enumerated().map { i, text in
                WireTicket(
                    Ticket(id: TicketID("t\(i)"), createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), text: text),
                    analyzer: analyzer, inputs: inputs)
            }
            let articles = RequestWriterTests.tricky.enumerated().map { i, text in
                WireArticle(
                    Article(id: ArticleID("kb-\(i)"), title: text, body: "Body: " + text), analyzer: analyzer,
                    inputs: inputs)
            }
            let retrieve = PluginMessages.Retrieve(id: 3, model: 0, depth: 5, tickets: tickets)
            let index = PluginMessages.Index(id: 2, model: 0, articles: articles)
            #expect(retrieve.json == (try RequestWriterTests.encoded(retrieve)), "\(inputs)")
            #expect(index.json == (try RequestWriterTests.encoded(index)), "\(inputs)")
            for (name, message) in [("retrieve", retrieve as any Encodable), ("index", index)] {
                let problems = JSONSchemaCheck.problems(
                    try ProtocolSchemaTests.encoded(message), try ProtocolSchemaTests.schema(name))
                #expect(problems.isEmpty, "\(name) with inputs \(inputs): \(problems)")
            }
        }
    }

    @Test func aRetrainBatchsTicketsCarryTheNamedFieldsOnly() throws {
        let wire = WireBatch(ProtocolSchemaTests.batch, analyzer: Analyzer(), parts: [.relevance], inputs: [.createdAt])
        #expect(!wire.tickets.isEmpty && wire.tickets.allSatisfy { $0.text == nil && $0.tokens == nil })
        let message = PluginMessages.Retrain(id: 4, from: 0, to: 1, batch: wire)
        #expect(message.json == (try RequestWriterTests.encoded(message)))
        #expect(
            JSONSchemaCheck.problems(
                try ProtocolSchemaTests.encoded(message), try ProtocolSchemaTests.schema("retrain")
            ).isEmpty)
    }

    @Test func theHelloReplyNamesTheInputsFromVersion5On() throws {
        let v5 = try TrainingPartsTests.reply(#"{"id":1,"ok":true,"protocol":5,"inputs":["text","created_at"]}"#)
        #expect(PluginChannel.inputs(v5, version: 5) == [.text, .createdAt])
        #expect(
            PluginChannel.inputs(v5, version: 4) == PluginMessages.Input.all, "a version-4 session gets every field")
        let silent = try TrainingPartsTests.reply(#"{"id":1,"ok":true,"protocol":5}"#)
        #expect(PluginChannel.inputs(silent, version: 5) == PluginMessages.Input.all)
        #expect(throws: (any Error).self) { try TrainingPartsTests.reply(#"{"id":1,"ok":true,"inputs":["truth"]}"#) }
    }

    /// The Swift plugin asks for text and dates from version 5 (it analyses the text itself) and
    /// answers a retrieve without tokens with the lists it gives one with them.
    @Test func theSwiftPluginReadsTextAndDatesOnly() throws {
        func hello(_ protocols: [Int]) -> String {
            #"{"id":1,"op":"hello","protocol":1,"protocols":\#(protocols),"stage":"retriever","seed":1,"settings":{},"analyzer":{"name":"flywheel-english","stemming":true,"stop_words":true}}"#
        }
        var server = RetrieverServer(name: "prefix") { _, published in
            RetrieverServerTests.PrefixRetriever(published: published)
        }
        let v5 = String(decoding: server.respond(to: Array(hello([1, 2, 3, 4, 5]).utf8)).reply, as: UTF8.self)
        #expect(v5.contains(#""protocol":5"#) && v5.contains(#""inputs":["text","created_at"]"#), "\(v5)")
        let v4 = String(decoding: server.respond(to: Array(hello([1, 2, 3, 4]).utf8)).reply, as: UTF8.self)
        #expect(v4.contains(#""protocol":4"#) && !v4.contains("inputs"), "\(v4)")

        var replies: [[UInt8]] = []
        for inputs in [PluginMessages.Input.all, [.text, .createdAt]] {
            _ = server.respond(to: Array(hello([1, 2, 3, 4, 5]).utf8))
            let articles = RetrieverServerTests.articles.map { WireArticle($0, analyzer: .init(), inputs: inputs) }
            _ = server.respond(to: PluginMessages.Index(id: 2, model: 0, articles: articles).json)
            let tickets = RetrieverServerTests.tickets.map { WireTicket($0, analyzer: .init(), inputs: inputs) }
            replies.append(
                server.respond(to: PluginMessages.Retrieve(id: 3, model: 0, depth: 3, tickets: tickets).json).reply)
        }
        #expect(String(decoding: replies[0], as: UTF8.self).contains(#""results""#))
        #expect(replies[0] == replies[1])
    }
}
