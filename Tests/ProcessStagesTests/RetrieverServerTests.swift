import FlywheelCore
import Foundation
import Testing

@testable import ProcessStages

/// A Swift plugin (``RetrieverServer``) answers a Flywheel that speaks version 4 with compact
/// lists — each article by its ordinal in the model, index then publishes, and each score as its
/// bit pattern — and an older one (`protocols` up to 3) with the entries it always wrote: the
/// same lists either way, as ``ReplyScanner`` reads them back.
@Suite struct RetrieverServerTests {
    /// Ranks the published articles by the length of their ids' common prefix with the ticket's
    /// text, then by id: enough to give lists that depend on what was published.
    struct PrefixRetriever: LearningRetriever {
        var published: [Article]
        func retrieve(_ ticket: Ticket, depth: Int) throws -> RankedList {
            let scored = published.map { a in
                (a.id, Double(zip(a.id.rawValue, ticket.text).prefix { $0 == $1 }.count) + 0.1)
            }
            let ranked = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }.prefix(depth)
            return RankedList(ticket: ticket.id, entries: ranked.map { .init(article: $0.0, score: $0.1) })
        }
        func retrained(with batch: TrainingBatch) throws -> PrefixRetriever { self }
        func publishing(_ articles: [Article]) throws -> PrefixRetriever {
            PrefixRetriever(published: published + articles)
        }
    }

    static let articles = ["kb-2", "kb-10", "kb-1"].map { Article(id: ArticleID($0), title: "t", body: "b") }
    static let published = [Article(id: "kb-11", title: "t", body: "b")]
    static let tickets = [
        Ticket(id: "t1", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), text: "kb-11"),
        Ticket(id: "t2", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_100), text: "kb-2")
    ]

    /// The retrieve reply of a session that offers `protocols`, indexes ``articles``, publishes
    /// ``published`` as model 1 and retrieves ``tickets`` from it.
    static func retrieveReply(protocols: [Int]) throws -> [UInt8] {
        var server = RetrieverServer(name: "prefix") { _, published in PrefixRetriever(published: published) }
        let hello =
            #"{"id":1,"op":"hello","protocol":1,"protocols":\#(protocols),"stage":"retriever","seed":1,"settings":{},"analyzer":{"name":"flywheel-english","stemming":true,"stop_words":true}}"#
        let requests: [[UInt8]] = [
            Array(hello.utf8),
            PluginMessages.Index(id: 2, model: 0, articles: articles.map { WireArticle($0, analyzer: .init()) }).json,
            PluginMessages.Publish(
                id: 3, from: 0, to: 1, articles: published.map { WireArticle($0, analyzer: .init()) }
            ).json,
            PluginMessages.Retrieve(
                id: 4, model: 1, depth: 3, tickets: tickets.map { WireTicket($0, analyzer: .init()) }
            ).json
        ]
        var last: [UInt8] = []
        for line in requests {
            last = server.respond(to: line).reply
            #expect(
                !String(decoding: last, as: UTF8.self).contains("error"), "\(String(decoding: last, as: UTF8.self))")
        }
        return last
    }

    static let table = ArticleTable((articles + published).map(\.id))

    static func lists(_ reply: [UInt8]) throws -> [ScannedList] {
        let scanned = try #require(ReplyScanner.reply(reply, table: table))
        return try #require(try scanned.scannedLists(table))
    }

    @Test func version4WritesOrdinalsAndBitPatterns() throws {
        let reply = try Self.retrieveReply(protocols: [1, 2, 3, 4])
        // t1 "kb-11": kb-11 (5 characters in common), kb-1 and kb-10 (4); t2 "kb-2": kb-2 (4),
        // kb-1 and kb-10 (3). Ordinals: kb-2 0, kb-10 1, kb-1 2 (index), kb-11 3 (publish).
        func hex(_ scores: [Double]) -> String {
            var out: [UInt8] = []
            for x in scores { CompactList.appendHex(x, to: &out) }
            return String(decoding: out, as: UTF8.self)
        }
        #expect(
            String(decoding: reply, as: UTF8.self)
                == #"{"id":4,"ok":true,"results":[{"articles":[3,2,1],"scores":"\#(hex([5.1, 4.1, 4.1]))"},{"articles":[0,2,1],"scores":"\#(hex([4.1, 3.1, 3.1]))"}]}"#
        )
        #expect(hex([4.1]) == "4010666666666666", "4.1's bits, most significant digit first")
    }

    @Test func anOlderFlywheelGetsEntriesAndTheSameLists() throws {
        let old = try Self.retrieveReply(protocols: [1, 2, 3])
        #expect(String(decoding: old, as: UTF8.self).hasPrefix(#"{"id":4,"ok":true,"results":[[{"article":"kb-11","#))
        let new = try Self.retrieveReply(protocols: [1, 2, 3, 4])
        let (a, b) = (try Self.lists(old), try Self.lists(new))
        #expect(a.map(\.entries) == b.map(\.entries), "the same articles and bit-identical scores")
        #expect(a.map(\.slots) == b.map(\.slots))
        #expect(a.map(\.compact) == [false, false] && b.map(\.compact) == [true, true])
    }
}

extension RetrieverServerTests {
    /// `hello.analyzer` is not ignored: the served builtin analyses with stemming and stop words,
    /// and refuses a hello that asks for another analysis rather than answer with other lists.
    @Test func aHelloAskingForAnotherAnalysisIsRefused() throws {
        func hello(stemming: Bool, stopWords: Bool) -> [UInt8] {
            Array(
                #"{"id":1,"op":"hello","protocol":1,"protocols":[1,2,3,4,5],"stage":"retriever","seed":1,"settings":{},"analyzer":{"name":"flywheel-english","stemming":\#(stemming),"stop_words":\#(stopWords)}}"#
                    .utf8)
        }
        var server = RetrieverServer(name: "prefix") { _, published in PrefixRetriever(published: published) }
        let refused = String(decoding: server.respond(to: hello(stemming: false, stopWords: true)).reply, as: UTF8.self)
        #expect(refused.contains(#""error""#) && refused.contains("stemming false"), "\(refused)")
        let agreed = String(decoding: server.respond(to: hello(stemming: true, stopWords: true)).reply, as: UTF8.self)
        #expect(agreed.contains(#""ok":true"#), "\(agreed)")
        var plain = RetrieverServer(name: "prefix", analysis: .init(stemming: false, stopWords: false)) {
            _, published in
            PrefixRetriever(published: published)
        }
        let other = String(decoding: plain.respond(to: hello(stemming: false, stopWords: false)).reply, as: UTF8.self)
        #expect(other.contains(#""ok":true"#), "\(other)")
    }
}
