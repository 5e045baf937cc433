import Foundation
import Testing

@testable import ProcessStages

/// The scanner that reads retrieve and rerank replies without JSONDecoder gives exactly the
/// decoder's reply for the shape it knows, and declines (nil, so the decoder decides, with its
/// message) everything else: it never accepts what the decoder would refuse.
@Suite struct ReplyScannerTests {
    static func decoded(_ line: String) -> PluginMessages.Reply? {
        try? JSONDecoder().decode(PluginMessages.Reply.self, from: Data(line.utf8))
    }

    /// The ids the replies below may name, and one they may not ("kb-2").
    static let table = ArticleTable(["kb-0283", "a7", "kb-1", "x", "y", "é-ü"])

    static func scanned(_ line: String) -> PluginMessages.Reply? {
        ReplyScanner.reply(Array(line.utf8), table: table)
    }

    /// Each entry as id=score bits@slot, however the reply was read.
    static func lists(_ r: PluginMessages.Reply?) -> [[String]]? {
        (try? r?.scannedLists(table))??.map { list in
            zip(list.entries, list.slots).map { "\($0.article)=\($0.score.bitPattern)@\($1)" }
        }
    }

    @Test(arguments: [
        #"{"id":3,"ok":true,"results":[[{"article":"kb-0283","score":0.3937053680419922},{"article":"a7","score":12.5}],[]]}"#,
        #"{"id": 12, "ok": true, "results": [[{"article": "kb-1", "score": 1e-3}, {"score": -2.5E+2, "article": "kb-2"}]]}"#,
        #"{"results":[[{"article":"é-ü","score":0}]],"ok":true,"id":7}"#,
        #"{"id":1,"results":[]}"#,
        " {\"id\":4,\"ok\":true,\"results\":[[{\"article\":\"x\",\"score\":17}]]}\t ",
        #"{"id":5,"ok":true,"results":[[{"article":"x","score":0.1},{"article":"y","score":0.30000000000000004}]]}"#
    ])
    func theScannersReplyIsTheDecoders(line: String) throws {
        let scanned = try #require(Self.scanned(line), "the scanner declined \(line)")
        let decoded = try #require(Self.decoded(line))
        #expect(scanned.id == decoded.id)
        #expect(scanned.ok == decoded.ok)
        #expect(Self.lists(scanned) == Self.lists(decoded), "same articles, bit-identical scores, same slots")
    }

    @Test(arguments: [
        #"{"id":3,"ok":true,"results":[{"articles":[0,1],"scores":"3fd932c0000000004029000000000000"},{"articles":[],"scores":""}]}"#,
        #"{"id": 3, "ok": true, "results": [{"scores": "BFF0000000000000", "articles": [ 5 ]}, [{"article": "a7", "score": 1}]]}"#,
        #"{"results":[{"articles":[2,3,4],"scores":"000000000000000080000000000000000000000000000001"}],"ok":true,"id":9}"#
    ])
    func aCompactListIsTheDecodersToo(line: String) throws {
        let scanned = try #require(Self.scanned(line), "the scanner declined \(line)")
        let decoded = try #require(Self.decoded(line))
        #expect(scanned.id == decoded.id)
        #expect(Self.lists(scanned) == Self.lists(decoded), "same articles, bit-identical scores, same slots")
        #expect(scanned.lists?.first?.compact == true)
    }

    @Test func aCompactListNamesArticlesByOrdinalAndScoresByBitPattern() throws {
        let line = #"{"id":3,"ok":true,"results":[{"articles":[1,5],"scores":"40290000000000008000000000000000"}]}"#
        let list = try #require(Self.scanned(line)?.lists?.first)
        #expect(list.entries.map(\.article.rawValue) == ["a7", "é-ü"], "ordinals are the table's slots")
        #expect(list.entries.map(\.score.bitPattern) == [Double(12.5).bitPattern, Double(-0.0).bitPattern])
        #expect(list.slots == [1, 5])
    }

    @Test(arguments: [
        #"{"id":2,"ok":true,"results":[{"articles":[6],"scores":"3ff0000000000000"}]}"#,  // past the table
        #"{"id":2,"ok":true,"results":[{"articles":[1,2],"scores":"3ff0000000000000"}]}"#,  // 2 ordinals, 1 score
        #"{"id":2,"ok":true,"results":[{"articles":[1],"scores":"3ff000000000000"}]}"#,  // 15 digits
        #"{"id":2,"ok":true,"results":[{"articles":[1],"scores":"3ff000000000000x"}]}"#,
        #"{"id":2,"ok":true,"results":[{"articles":[01],"scores":"3ff0000000000000"}]}"#,
        #"{"id":2,"ok":true,"results":[{"articles":[-1],"scores":"3ff0000000000000"}]}"#,
        #"{"id":2,"ok":true,"results":[{"articles":[1.0],"scores":"3ff0000000000000"}]}"#,
        #"{"id":2,"ok":true,"results":[{"articles":[1],"scores":"3ff0000000000000","extra":1}]}"#,
        #"{"id":2,"ok":true,"results":[{"articles":[1]}]}"#
    ])
    func aCompactListThatDoesNotHoldTogetherGoesToTheDecoder(line: String) {
        #expect(Self.scanned(line) == nil, "the scanner must decline \(line)")
    }

    @Test func theDecodersPathSaysWhatIsWrongWithACompactList() throws {
        let reply = try #require(
            Self.decoded(#"{"id":2,"ok":true,"results":[{"articles":[6],"scores":"3ff0000000000000"}]}"#))
        #expect(throws: WireList.Problem.self) { try reply.scannedLists(Self.table) }
    }

    @Test func hexScoresRoundTripEveryBitPattern() {
        var state: UInt64 = 5
        func next() -> UInt64 {  // an LCG's bits: any pattern, NaNs and infinities included
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
        let specials: [Double] = [0, -0.0, 1, -1, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, .pi]
        let scores = specials + (0..<2_000).map { _ in Double(bitPattern: next()) }
        var hex: [UInt8] = []
        for s in scores { CompactList.appendHex(s, to: &hex) }
        #expect(hex.count == 16 * scores.count)
        #expect(Array(hex.prefix(16)) == Array("0000000000000000".utf8))
        #expect(Array(hex[(16 * 2)..<(16 * 3)]) == Array("3ff0000000000000".utf8), "1.0, most significant digit first")
        let back = hex.withUnsafeBufferPointer { CompactList.scores(hex: $0) }
        #expect(back?.map(\.bitPattern) == scores.map(\.bitPattern), "NaNs included: bits, not values")
        #expect(CompactList.scores(hex: "3FF0000000000000")?.first == 1, "either case")
        // bytes next to the digits' and letters' ranges, and the controls `| 0x20` would map onto '0'…'9'
        for bad in ["/", ":", "@", "G", "`", "g", "\u{10}", "\u{19}", " ", "é"] {
            #expect(CompactList.scores(hex: "3ff00000" + bad + "0000000")?.first == nil, "\(bad)")
            #expect(CompactList.scores(hex: bad + "ff0000000000000")?.first == nil, "\(bad)")
        }
    }

    @Test func anIdIsFoundInTheTableAndAnUnknownOneKeepsItsText() throws {
        let line = #"{"id":3,"ok":true,"results":[[{"article":"a7","score":1},{"article":"kb-2","score":0.5}]]}"#
        let list = try #require(Self.scanned(line)?.lists?.first)
        #expect(list.entries.map(\.article.rawValue) == ["a7", "kb-2"])
        #expect(list.slots == [1, -1], "a7 is the table's second id; kb-2 is not in it")
    }

    @Test(arguments: [
        #"{"id":2,"ok":true}"#,  // no results: hello, index, … replies go to the decoder
        #"{"id":2,"error":"no such model"}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a\"b","score":1}]]}"#,  // escapes
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":1,"extra":2}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a"}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":NaN}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":1e999}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":01}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":1.}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":0x10}]]}"#,
        #"{"id":2,"ok":true,"results":[[{"article":"a","score":"1"}]]}"#,
        #"{"id":2,"id":3,"results":[]}"#,
        #"{"id":2.0,"results":[]}"#,
        #"{"id":2,"results":[]} trailing"#,
        #"{"id":2,"results":[[{"article":"a","score":1},]]}"#,
        #"{"id":2,"results":[[{"article":"a","score":1}]"#,
        "not json"
    ])
    func anythingElseGoesToTheDecoder(line: String) {
        #expect(Self.scanned(line) == nil, "the scanner must decline \(line)")
    }
}
