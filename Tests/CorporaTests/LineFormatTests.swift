import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

@testable import Corpora

/// The byte-level reader and JSON parser on the awkward inputs real files contain.
@Suite struct LineFormatTests {
    func parseTicket(_ line: String) throws(JSONSyntaxError) -> TicketRecord {
        var bytes = Array(line.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (b) throws(JSONSyntaxError) in
            var c = JSONCursor(UnsafeBufferPointer(b))
            return try TicketRecord(jsonLine: &c)
        }
    }

    @Test func escapesSurrogatePairsUnknownFieldsAndNullsAreRead() throws {
        let r = try parseTicket(
            #" { "extra" : [1, {"x": null}, true, -2.5e3], "id":"T\u00e9","created_at":"2026-01-05","text":"a\"b\\c\/d\ud83c\udfe0\n","channel":null,"relevant":{"A1":2.0}} "#
        )
        #expect(r.ticket.id == "Té")
        #expect(r.ticket.text == "a\"b\\c/d🏠\n")
        #expect(r.ticket.createdAt == Timestamp(iso8601: "2026-01-05T00:00:00Z"))
        #expect(r.ticket.channel == nil)
        #expect(r.truth.relevant == ["A1": 2])
    }

    @Test func typeErrorsNameTheFieldPath() {
        let cases: [(String, String)] = [
            (#"{"id":"T","created_at":"2026-01-05T00:00:00Z","text":"x","relevant":{"A1":"high"}}"#, "relevant.A1"),
            (
                #"{"id":"T","created_at":"2026-01-05T00:00:00Z","text":"x","relevant":{},"nuggets":[{"text":"ok"},{"article":"A1"}]}"#,
                "nuggets[1].text"
            ),
            (#"{"id":"T","created_at":"yesterday","text":"x","relevant":{}}"#, "created_at"),
            (#"{"id":7,"created_at":"2026-01-05T00:00:00Z","text":"x","relevant":{}}"#, "id"),
            (#"{"id":"T","created_at":"2026-01-05T00:00:00Z","text":"unterminated"#, "text")
        ]
        for (line, field) in cases {
            #expect(throws: JSONSyntaxError.self) { try parseTicket(line) }
            do { _ = try parseTicket(line) } catch { #expect(error.field == field, "\(line)") }
        }
    }

    @Test func deeplyNestedUnknownFieldsAreAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let line = #"{"extra":"# + deep + #","id":"T","created_at":"2026-01-05","text":"x","relevant":{}}"#
        #expect(throws: JSONSyntaxError.self) { try parseTicket(line) }
    }

    @Test func anUnknownAnnotationKindListsTheValidOnes() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try writeZstd(#"{"kind":"thumbs_up","ticket":"T1","agent":"a"}"# + "\n", to: dir.file("a.jsonl.zst"))
        let reader = try LineReader(path: dir.file("a.jsonl.zst"))
        let e = try #require(throws: InputError.self) {
            try reader.nextRecord { (c) throws(JSONSyntaxError) in try Annotation(jsonLine: &c) }
        }
        #expect(e.line == 1 && e.field == "kind")
        #expect(e.message.contains("preference, adoption, relevance, missing_knowledge"))
    }

    @Test func linesLongerThanTheBufferCRLFBlankLinesAndNoFinalNewline() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let long = String(repeating: "x", count: 700_000)
        try writeZstd("one\r\n\n\(long)\nlast", to: dir.file("l.zst"))
        let reader = try LineReader(path: dir.file("l.zst"))
        var lines: [String] = []
        while let s = try reader.nextLine({ String(decoding: $0, as: UTF8.self) }) { lines.append(s) }
        #expect(lines == ["one", "", long, "last"])
        #expect(reader.lineNumber == 4)
    }

    @Test func concatenatedZstdFramesReadAsOneStream() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try writeZstd("a\nb\n", to: dir.file("1.zst"))
        try writeZstd("c\n", to: dir.file("2.zst"))
        let joined =
            try Data(contentsOf: URL(fileURLWithPath: dir.file("1.zst")))
            + Data(contentsOf: URL(fileURLWithPath: dir.file("2.zst")))
        try joined.write(to: URL(fileURLWithPath: dir.file("3.zst")))
        let reader = try LineReader(path: dir.file("3.zst"))
        var lines: [String] = []
        while let s = try reader.nextLine({ String(decoding: $0, as: UTF8.self) }) { lines.append(s) }
        #expect(lines == ["a", "b", "c"])
    }

    @Test func anEmptyFileIsNotAZstdStream() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        FileManager.default.createFile(atPath: dir.file("e.zst"), contents: Data())
        let e = try #require(throws: InputError.self) {
            _ = try LineReader(path: dir.file("e.zst")).nextLine { _ in () }
        }
        #expect(e.message.contains("empty file"))
    }

    @Test func theZstdCLIReadsOurFiles() throws {
        let zstd = ["/usr/bin/zstd", "/usr/local/bin/zstd"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let zstd else { return print("skipped: no zstd CLI to cross-check with") }
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try Sample.write(to: dir.path)
        let (status, out, _) = try ProcessRunner.run(zstd, ["-dc", dir.file(CorpusFile.articles.fileName)])
        #expect(status == 0)
        #expect(out.split(separator: "\n").count == Sample.articles.count)
    }
}
