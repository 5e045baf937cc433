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
        r?.scannedLists(table)?.map { list in
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
