import FlywheelCore
import Foundation
import Testing

/// The annotation log's JSON writer: keys in the order written, strings escaped so any JSON
/// reader gets the text back.
struct LineObjectTests {
    @Test(arguments: [
        "plain", "", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "bell\u{07} nul\u{00} esc\u{1B}",
        "café — 東京 🚀", "\u{1F}\"\\\u{7F}"
    ])
    func aQuotedStringReadsBackAsTheSameText(_ text: String) throws {
        let quoted = LineObject.quoted(text)
        let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed]) as? String
        #expect(back == text)
    }

    @Test func controlCharactersUseShortOrUnicodeEscapes() {
        #expect(LineObject.quoted("a\nb\u{01}c\"d\\") == #""a\nb\u0001c\"d\\""#)
    }

    @Test func membersKeepTheirOrderAndRawValuesAreWrittenAsGiven() {
        var o = LineObject()
        o.string("kind", "exposure")
        o.raw("rank", "3")
        o.strings("shown", ["A-1", "A\"2"])
        #expect(o.closed() == #"{"kind":"exposure","rank":3,"shown":["A-1","A\"2"]}"#)
    }
}
