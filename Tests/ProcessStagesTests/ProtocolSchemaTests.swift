import FlywheelCore
import Foundation
import Retrieval
import Testing
import FlywheelTestSupport

@testable import ProcessStages

/// Every message Flywheel sends, as it encodes it, fits the JSON Schema docs/protocol.md
/// publishes for it (docs/protocol/<op>.schema.json), and the schemas' reply fits a plugin's
/// typical answers; so the document and the code cannot drift apart.
@Suite struct ProtocolSchemaTests {
    static let docs = Repository.url("docs/protocol")

    static func schema(_ name: String) throws -> JSON {
        try JSON.parse(Data(contentsOf: docs.appendingPathComponent("\(name).schema.json")))
    }

    static func encoded(_ message: some Encodable) throws -> JSON {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try JSON.parse(encoder.encode(message))
    }

    static let analyzer = Analyzer()
    static let article = Article(
        id: "a1", title: "Refund a cancelled stay", body: "Refunds reach the card in five days.")
    static let ticket = Ticket(
        id: "t1", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), text: "Where is my refund?")
    static let reply = Reply(
        greeting: "Hi,",
        sentences: [.init(text: "Refunds reach the card in five days.", article: "a1", articleRank: 1, position: 0)],
        closing: "Thanks.", tone: .friendly)

    static var batch: TrainingBatch {
        let served = ServedSuggestion(
            ticket: ticket, shown: RankedList(ticket: "t1", entries: [.init(article: "a1", score: 3)]), a: reply,
            b: reply)
        return TrainingBatch(
            iteration: 2, time: Timestamp(secondsSinceEpoch: 1_700_100_000), tickets: ["t1": ticket],
            relevance: [
                RelevanceAnnotation(ticket: "t1", agent: "agent-001", article: "a1", rank: 1, relevant: true),
                // rank 0: an article the agent found by its own search (make protocol-check caught it)
                RelevanceAnnotation(ticket: "t1", agent: "agent-002", article: "a2", rank: 0, relevant: true)
            ],
            preferences: [
                (served, PreferenceAnnotation(ticket: "t1", agent: "agent-001", choice: .a, margin: .clearly)),
                (served, PreferenceAnnotation(ticket: "t1", agent: "agent-002", choice: .tie, margin: nil))
            ],
            adoptions: [
                (served, AdoptionAnnotation(ticket: "t1", agent: "agent-001", outcome: .edited, rationale: .tooLong))
            ])
    }

    /// One message of each op, with every optional part present.
    static var messages: [(PluginMessages.Op, any Encodable)] {
        let wireTicket = WireTicket(ticket, analyzer: analyzer)
        let wireArticle = WireArticle(article, analyzer: analyzer)
        var settings = [String: Double]()
        settings["k1"] = 1.2
        return [
            (
                .hello,
                PluginMessages.Hello(
                    id: 1, stage: "retriever", seed: 42, settings: settings,
                    analyzer: .init(stemming: true, stopWords: true))
            ),
            (.index, PluginMessages.Index(id: 2, model: 0, articles: [wireArticle])),
            (.publish, PluginMessages.Publish(id: 3, from: 0, to: 1, articles: [wireArticle])),
            (.retrain, PluginMessages.Retrain(id: 4, from: 1, to: 2, batch: WireBatch(batch, analyzer: analyzer))),
            (.retrieve, PluginMessages.Retrieve(id: 5, model: 2, depth: 75, tickets: [wireTicket])),
            (
                .rerank,
                PluginMessages.Rerank(
                    id: 6, model: 0, depth: 8,
                    items: [.init(ticket: wireTicket, candidates: [WireEntry(article: "a1", score: 3)])])
            ),
            (
                .generate,
                PluginMessages.Generate(
                    id: 7, model: 0, items: [.init(ticket: wireTicket, articles: [wireArticle], seed: (1 << 53) - 1)])
            ),
            (.release, PluginMessages.Release(id: 8, models: [0, 1])),
            (
                .reset,
                PluginMessages.Hello(
                    id: 1, op: .reset, protocol: 2, protocols: nil, stage: "retriever", seed: 42, settings: settings,
                    analyzer: .init(stemming: true, stopWords: true))
            ),
            (.shutdown, PluginMessages.Shutdown(id: 9))
        ]
    }

    @Test func everyOpHasASchemaAndAMessageHere() {
        #expect(Self.messages.map(\.0) == PluginMessages.Op.allCases)
        for op in PluginMessages.Op.allCases {
            #expect(
                FileManager.default.fileExists(
                    atPath: Self.docs.appendingPathComponent("\(op.rawValue).schema.json").path))
        }
    }

    @Test func everyMessageFlywheelSendsFitsItsSchema() throws {
        for (op, message) in Self.messages {
            let problems = JSONSchemaCheck.problems(try Self.encoded(message), try Self.schema(op.rawValue))
            #expect(problems.isEmpty, "\(op.rawValue): \(problems)")
        }
    }

    @Test func tokensAreTheAnalyzersTokens() throws {
        let t = try Self.encoded(WireTicket(Self.ticket, analyzer: Self.analyzer))
        #expect(t["tokens"] == .array(Self.analyzer.queryTerms(Self.ticket.text).map { .string($0) }))
        let fields = Self.analyzer.fields(Self.article)
        #expect(
            try Self.encoded(WireArticle(Self.article, analyzer: Self.analyzer))["tokens"]
                == .array((fields.title + fields.body).map { .string($0) }))
    }

    @Test func theSchemasCatchWhatTheyShould() throws {
        // the check is not vacuous: a message with a stray key, a wrong op or a missing field fails
        let retrieve = try Self.schema("retrieve")
        let good = try Self.encoded(PluginMessages.Retrieve(id: 5, model: 2, depth: 75, tickets: []))
        guard case .object(var o) = good else { Issue.record("not an object"); return }
        o["extra"] = .bool(true)
        #expect(JSONSchemaCheck.problems(.object(o), retrieve) == ["$: unexpected key extra"])
        o["extra"] = nil
        o["op"] = .string("rerank")
        #expect(!JSONSchemaCheck.problems(.object(o), retrieve).isEmpty)
        o["op"] = .string("retrieve")
        o["depth"] = nil
        #expect(JSONSchemaCheck.problems(.object(o), retrieve) == ["$: missing depth"])
    }

    @Test func typicalRepliesFitTheReplySchemaAndDecode() throws {
        let schema = try Self.schema("reply")
        let lines = [
            #"{"id":1,"ok":true,"protocol":1,"name":"bm25s-retriever","capabilities":["hello","index","retrieve"]}"#,
            #"{"id":1,"ok":true,"protocol":2,"name":"bm25s-retriever","capabilities":["hello","index","retrieve","reset"]}"#,
            #"{"id":5,"ok":true,"results":[[{"article":"a1","score":3.5}]]}"#,
            #"{"id":1,"ok":true,"protocol":4,"name":"flywheel-builtin-retriever","capabilities":["hello","index","retrieve","reset"],"training":["relevance"]}"#,
            #"{"id":1,"ok":true,"protocol":5,"name":"flywheel-builtin-retriever","capabilities":["hello","index","retrieve","reset"],"training":["relevance"],"inputs":["text","created_at"]}"#,
            #"{"id":5,"ok":true,"results":[{"articles":[3,0],"scores":"400c0000000000003ff0000000000000"},{"articles":[],"scores":""}]}"#,
            #"{"id":7,"ok":true,"replies":[{"a":{"greeting":"Hi,","sentences":[],"closing":"","tone":"brief"},"b":{"greeting":"","sentences":[{"text":"x","article":"a1","article_rank":1,"position":0}],"closing":"","tone":"formal"}}]}"#,
            #"{"id":8,"error":"unknown model 3"}"#
        ]
        for line in lines {
            #expect(JSONSchemaCheck.problems(try JSON.parse(Data(line.utf8)), schema).isEmpty, "\(line)")
            _ = try JSONDecoder().decode(PluginMessages.Reply.self, from: Data(line.utf8))
        }
        #expect(
            !JSONSchemaCheck.problems(try JSON.parse(Data(#"{"id":8}"#.utf8)), schema).isEmpty, "neither ok nor error")
    }
}
