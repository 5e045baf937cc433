import FlywheelCore
import Foundation
import Retrieval
import Testing

@testable import ProcessStages

/// The boundary's fast paths give what the slow ones give: a Swift plugin's `retrieve` read by
/// ``RetrieveScanner`` is the request ``WireRequest`` reads (and anything else is left to it),
/// scores are written as `description` spells them, and the ``ArticleTable`` finds every id it
/// was given and no other.
@Suite struct PluginFastPathTests {
    /// A retrieve as Flywheel writes it, with RequestWriterTests' tricky texts.
    static var retrieveLine: [UInt8] {
        PluginMessages.Retrieve(id: 12, model: 3, depth: 75, tickets: RequestWriterTests.tickets).json
    }

    static func slowPath(_ line: [UInt8]) throws -> RetrieveScanner.Request {
        let r = try WireRequest(line)
        return RetrieveScanner.Request(
            id: r.id, model: try r.int("model"), depth: try r.int("depth"), tickets: try r.tickets("tickets"))
    }

    @Test func theScannedRetrieveIsTheOneJSONSerializationReads() throws {
        let line = Self.retrieveLine
        let fast = try #require(RetrieveScanner.request(line), "the scanner declined Flywheel's own retrieve")
        let slow = try Self.slowPath(line)
        #expect(fast.id == 12 && fast.model == 3 && fast.depth == 75)
        #expect((fast.id, fast.model, fast.depth) == (slow.id, slow.model, slow.depth))
        #expect(fast.tickets == slow.tickets, "ids, times and texts (escapes, control characters, emoji) alike")
        #expect(fast.tickets.map(\.text) == RequestWriterTests.tricky)
    }

    @Test func escapesAreDecodedAsJSONDefinesThem() throws {
        let line = Array(
            #"{"op":"retrieve","id":1,"model":0,"depth":5,"tickets":[{"id":"t","created_at":"2026-01-01T00:00:00Z","text":"a\u00e9\ud83d\ude00\/\"\\\n","tokens":["x\u0041"]}]}"#
                .utf8)
        let fast = try #require(RetrieveScanner.request(line))
        #expect(fast.tickets.map(\.text) == ["aé😀/\"\\\n"])
        #expect(fast.tickets == (try Self.slowPath(line)).tickets)
    }

    @Test(arguments: [
        #"{"id":1,"op":"index","model":0,"articles":[]}"#,  // another op
        #"{"id":1,"op":"retrieve","model":0,"depth":5,"tickets":[],"extra":1}"#,  // a key it does not know
        #"{"id":1,"op":"retrieve","model":0,"depth":5.0,"tickets":[]}"#,  // a number NSNumber reads as 5
        #"{"id":1,"op":"retrieve","model":0,"depth":5,"tickets":[{"id":"t","created_at":"yesterday","text":"x"}]}"#,
        #"{"id":1,"op":"retrieve","model":0,"depth":5,"tickets":[{"id":"t","created_at":"2026-01-01T00:00:00Z","text":"\ud83d"}]}"#,  // lone surrogate
        #"{"id":1,"op":"retrieve","model":0,"depth":5,"tickets":[{"id":"t","created_at":"2026-01-01T00:00:00Z","text":"\q"}]}"#,
        #"{"id":1,"op":"retrieve","model":0,"depth":5,"tickets":[]} trailing"#,
        #"{"id":1,"op":"retrieve","id":2,"model":0,"depth":5,"tickets":[]}"#,
        #"{"id":1,"op":"retrieve","model":0,"tickets":[]}"#  // no depth: the slow path names it
    ])
    func anythingElseIsLeftToTheSlowPath(line: String) {
        #expect(RetrieveScanner.request(Array(line.utf8)) == nil, "the scanner must decline \(line)")
    }

    @Test func scoresAreWrittenAsTheirDescription() {
        var rng = SplitMix64(seed: 11)
        for k in 0..<5_000 {
            let score: Double =
                k % 2 == 0
                ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7F7F_FFFF))
                : Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF)
            var sink = ByteSink()
            score.write(to: &sink)
            #expect(sink.bytes == Array(score.description.utf8), "\(score)")
        }
        let list = RankedList(ticket: "t", entries: [.init(article: "a\"1", score: 0.1 + 0.2)])
        #expect(
            String(decoding: ListWriter.results([list]), as: UTF8.self)
                == #","results":[[{"article":"a\"1","score":0.30000000000000004}]]"#)
    }

    @Test func theTableFindsEveryIdItWasGivenOnceAndNoOther() {
        let ids = (0..<1_000).map { ArticleID("kb-\($0)") } + ["kb-7", "", "é"]
        let table = ArticleTable(ids)
        #expect(table.count == 1_002, "kb-7 a second time is the same id")
        for (k, id) in table.ids.enumerated() { #expect(table.slot(of: id.rawValue) == k) }
        #expect(table.slot(of: "kb-1000") == nil)
        #expect(table.slot(of: "kb-") == nil)
        #expect(ArticleTable([]).slot(of: "x") == nil)
    }
}

/// A small seeded generator for the tests above.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Version 3's `training` (docs/protocol.md, "Training batches"): a plugin that reads relevance
/// marks only gets the batch without preferences and adoptions and only the tickets its marks
/// refer to; without the field, or before version 3, it gets the whole batch.
@Suite struct TrainingPartsTests {
    static var batch: TrainingBatch {
        var batch = ProtocolSchemaTests.batch
        let other = Ticket(id: "t2", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_500), text: "Cancel my stay")
        batch.tickets["t2"] = other
        // t2 only in a preference: a relevance-only batch leaves it out
        let served = batch.preferences[0].served
        batch.preferences.append(
            (served, PreferenceAnnotation(ticket: "t2", agent: "agent-003", choice: .b, margin: .slightly)))
        return batch
    }

    @Test func aRelevanceOnlyBatchHasTheMarksAndTheirTicketsOnly() {
        let wire = WireBatch(Self.batch, analyzer: Analyzer(), parts: [.relevance])
        #expect(wire.relevance.count == 2)
        #expect(wire.preferences.isEmpty && wire.adoptions.isEmpty)
        #expect(wire.tickets.map(\.id) == ["t1"])
        let whole = WireBatch(Self.batch, analyzer: Analyzer())
        #expect(whole.preferences.count == 3 && whole.adoptions.count == 1)
        #expect(whole.tickets.map(\.id) == ["t1", "t2"])
        #expect(wire.json.count * 2 < whole.json.count, "the replies were most of the bytes")
    }

    static func reply(_ line: String) throws -> PluginMessages.Reply {
        try JSONDecoder().decode(PluginMessages.Reply.self, from: Data(line.utf8))
    }

    @Test func theHelloReplyNamesThePartsFromVersion3On() throws {
        let all = Set(PluginMessages.TrainingPart.allCases)
        let v3 = try Self.reply(#"{"id":1,"ok":true,"protocol":3,"training":["relevance"]}"#)
        #expect(PluginChannel.training(v3, version: 3) == [.relevance])
        #expect(PluginChannel.training(v3, version: 2) == all, "a version-2 session gets the whole batch")
        let silent = try Self.reply(#"{"id":1,"ok":true,"protocol":3}"#)
        #expect(PluginChannel.training(silent, version: 3) == all)
        #expect(throws: (any Error).self) { try Self.reply(#"{"id":1,"ok":true,"training":["truth"]}"#) }
    }
}
