import FlywheelCore
import Foundation
import Retrieval
import Testing

@testable import ProcessStages

/// The hand-written requests (`retrieve`, `index`, `publish`) are byte for byte what
/// `JSONEncoder` writes for the same messages, for text with quotes, backslashes, slashes,
/// control characters and non-ASCII letters, so ProtocolSchemaTests' check of the encoder's
/// output covers them.
@Suite struct RequestWriterTests {
    static let tricky = [
        "", "plain", #"quote " and backslash \ and slash /"#, "tab\tnewline\nreturn\rbell\u{07}nul\u{00}esc\u{1B}",
        "form\u{0C}feed back\u{08}space", "café – naïve 😀 \u{2028} \u{7F}", "\u{1F}\u{10}end"
    ]

    static func encoded(_ message: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(message))
    }

    static var tickets: [WireTicket] {
        tricky.enumerated().map { i, text in
            WireTicket(
                Ticket(
                    id: TicketID("t\(i)/\"x\""), createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000 + Int64(i)),
                    text: text), analyzer: Analyzer())
        }
    }

    static var articles: [WireArticle] {
        tricky.enumerated().map { i, text in
            WireArticle(
                Article(id: ArticleID("kb-\(i)"), title: text, body: "Body: " + text + " refunds"), analyzer: Analyzer()
            )
        }
    }

    @Test func theWrittenRetrieveIsTheEncoders() throws {
        for tickets in [[], Self.tickets] {
            let message = PluginMessages.Retrieve(id: 12, model: 3, depth: 75, tickets: tickets)
            #expect(
                String(decoding: message.json, as: UTF8.self)
                    == String(decoding: try Self.encoded(message), as: UTF8.self))
        }
    }

    @Test func theWrittenIndexAndPublishAreTheEncoders() throws {
        let index = PluginMessages.Index(id: 2, model: 0, articles: Self.articles)
        #expect(String(decoding: index.json, as: UTF8.self) == String(decoding: try Self.encoded(index), as: UTF8.self))
        let publish = PluginMessages.Publish(id: 9, from: 4, to: 5, articles: Array(Self.articles.prefix(2)))
        #expect(
            String(decoding: publish.json, as: UTF8.self) == String(decoding: try Self.encoded(publish), as: UTF8.self))
    }

    @Test func everyControlCharacterIsEscapedAsTheEncoderDoes() throws {
        let all = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        var out: [UInt8] = []
        RequestWriter.string(all, to: &out)
        #expect(out == (try Self.encoded([all])).dropFirst().dropLast())
    }
}

extension RequestWriterTests {
    @Test func theWrittenRetrainIsTheEncoders() throws {
        // ProtocolSchemaTests' batch: every optional present, and absent (margin, rationale, time)
        var batch = ProtocolSchemaTests.batch
        let reply = Reply(
            greeting: Self.tricky[2],
            sentences: [.init(text: Self.tricky[3], article: "a1", articleRank: 2, position: 1)],
            closing: Self.tricky[5], tone: .brief)
        let served = ServedSuggestion(
            ticket: ProtocolSchemaTests.ticket, shown: RankedList(ticket: "t1", entries: []), a: reply, b: reply)
        batch.preferences.append(
            (served, PreferenceAnnotation(ticket: "t1", agent: "agent-003", choice: .bothBad, margin: nil)))
        batch.adoptions.append(
            (served, AdoptionAnnotation(ticket: "t1", agent: "agent-003", outcome: .used, rationale: nil)))
        for time in [batch.time, nil] {
            batch.time = time
            let message = PluginMessages.Retrain(id: 4, from: 1, to: 2, batch: WireBatch(batch, analyzer: Analyzer()))
            #expect(
                String(decoding: message.json, as: UTF8.self)
                    == String(decoding: try Self.encoded(message), as: UTF8.self))
        }
        let empty = PluginMessages.Retrain(
            id: 5, from: 0, to: 1, batch: WireBatch(TrainingBatch(iteration: 3), analyzer: Analyzer()))
        #expect(empty.json == (try Self.encoded(empty)))
    }
}
