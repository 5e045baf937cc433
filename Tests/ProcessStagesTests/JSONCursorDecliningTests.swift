import FlywheelCore
import Testing

@testable import ProcessStages

/// The process protocol's declining tokens sit on the corpus reader's ``JSONCursor``: where the
/// corpus form throws (with its message), the declining form returns nil, and where the corpus
/// form reads a value, the declining form reads the same one. The scanners rely on declining
/// being the only difference (the decoder then decides the line, with its own message).
@Suite struct JSONCursorDecliningTests {
    static func corpusString(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { b in
            var c = JSONCursor(b)
            return try? c.string()
        }
    }

    @Test(arguments: [
        #""kb-0001""#, #""é-ü""#, #" "a\"b\\c\/d""#, #""\n\t\r\b\f""#, #""\u00e9\uD83D\uDE00""#,
        #""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#, #""\u12G4""#, #""\u12""#, #""\x""#, #""open"#, "\"a\u{1}b\"",
        "\"\u{7F}\"", "'single'", ""
    ])
    func escapedStringDeclinesExactlyWhereTheCorpusStringThrows(text: String) {
        let declining = JSONCursor.scan(Array(text.utf8)) { $0.escapedString() }
        #expect(declining == Self.corpusString(text), "\(text)")
    }

    @Test func invalidUTF8IsDeclinedLikeTheCorpusRefusesIt() {
        let line: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        #expect(JSONCursor.scan(line) { $0.escapedString() } == nil)
        #expect(JSONCursor.scan(line) { $0.plainString() } == nil)
        #expect(
            line.withUnsafeBufferPointer { b in
                var c = JSONCursor(b); return try? c.string()
            } == nil)
    }

    @Test func aPlainStringDeclinesEscapesThatTheEscapedFormDecodes() {
        let line = Array(#""a\nb""#.utf8)
        #expect(JSONCursor.scan(line) { $0.plainString() } == nil)
        #expect(JSONCursor.scan(line) { $0.escapedString() } == "a\nb")
        #expect(JSONCursor.scan(Array(#" "kb-7" "#.utf8)) { $0.plainString() } == "kb-7")
    }

    @Test func aScanIsAValueOnlyWhenTheWholeLineIsRead() {
        #expect(JSONCursor.scan(Array("12 \t".utf8)) { $0.integer() } == 12)
        #expect(JSONCursor.scan(Array("12 x".utf8)) { $0.integer() } == nil)
        #expect(JSONCursor.scan(Array("true".utf8)) { $0.boolean() } == true)
        #expect(JSONCursor.scan(Array("0.30000000000000004".utf8)) { $0.finiteNumber() } == 0.30000000000000004)
        #expect(JSONCursor.scan(Array("1e999".utf8)) { $0.finiteNumber() } == nil, "not finite")
        #expect(
            JSONCursor.scan(Array("2.0".utf8)) { $0.integer() } == nil,
            "the corpus int() reads 2; the protocol declines")
    }
}
