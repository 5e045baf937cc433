import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// Every kind of bad input the issue lists, each in its own corpus: the problem is reported as
/// an `InputError` naming the file, the line (where there is one) and the field; nothing crashes.
@Suite struct BadInputTests {
    let tickets = CorpusFile.tickets.fileName
    let articles = CorpusFile.articles.fileName

    @Test func aGoodHandMadeCorpusPasses() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        let report = CorpusValidator(directory: dir.path).validate()
        #expect(report.issues == [])
        #expect(report.counts == Manifest.Counts(articles: 2, tickets: 3))
    }

    @Test func truncatedZstdIsReportedWithTheLineBeingRead() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        let whole = try Array(Data(contentsOf: URL(fileURLWithPath: dir.file(tickets))))
        try BadCorpus.overwrite(dir, .tickets, with: Array(whole.dropLast(12)), counts: .init(articles: 2, tickets: 3))
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.message.contains("truncated"))
        #expect(e.line != nil)
        // The reader stops there too, with the same error.
        var stream = try CorpusReader(directory: dir.path).tickets()
        #expect(throws: InputError.self) { while try stream.next() != nil {} }
    }

    @Test func bytesThatAreNotZstdAreReported() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        try BadCorpus.overwrite(
            dir, .articles, with: Array((BadCorpus.goodArticles.joined(separator: "\n")).utf8),
            counts: .init(articles: 2, tickets: 3))
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(articles) == true)
        #expect(e.message.contains("not a zstd file"))
        #expect(e.line == nil)  // no line: the file never decoded
    }

    @Test func invalidUTF8NamesTheLineAndField() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var bytes = Array((BadCorpus.goodTickets[0] + "\n").utf8)
        bytes += Array(#"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"bad "#.utf8) + [0xFF, 0xFE]
        bytes += Array(#"","relevant":{"A2":1}}"#.utf8) + [0x0A] + Array((BadCorpus.goodTickets[2] + "\n").utf8)
        try BadCorpus.make(dir, ticketBytes: bytes)
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.line == 2)
        #expect(e.field == "text")
        #expect(e.message.contains("invalid UTF-8"))
    }

    @Test func aMalformedJSONLineNamesTheLineAndTheFieldBeforeTheMistake() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var lines = BadCorpus.goodTickets
        lines[1] = #"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"payout late" "relevant":{"A2":1}}"#
        try BadCorpus.make(dir, tickets: lines)
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.line == 2)
        #expect(e.field == "text")
        #expect(e.message.contains("expected ','"))
        // The validator carries on after a bad line: line 3 was still read.
        #expect(CorpusValidator(directory: dir.path).validate().counts.tickets == 2)
    }

    @Test func aMissingRequiredFieldIsNamed() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var lines = BadCorpus.goodTickets
        lines[2] = #"{"id":"T3","text":"refund?","relevant":{"A1":1}}"#
        try BadCorpus.make(dir, tickets: lines)
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.line == 3)
        #expect(e.field == "created_at")
        #expect(e.message == "missing required field")
    }

    @Test func aDuplicateIdNamesBothLines() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir, articles: BadCorpus.goodArticles + [#"{"id":"A1","title":"Again","body":"Twice."}"#])
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(articles) == true)
        #expect(e.line == 3)
        #expect(e.field == "id")
        #expect(e.message.contains("first on line 1"))
    }

    @Test func aTicketNamingAnUnknownArticleIsReported() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var lines = BadCorpus.goodTickets
        lines[1] =
            #"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"payout late","relevant":{"A9":1},"conflicting":["A8"]}"#
        try BadCorpus.make(dir, tickets: lines)
        let issues = CorpusValidator(directory: dir.path).validate().issues
        #expect(issues.map(\.field) == ["relevant.A9", "conflicting[0]"])
        let e = try BadCorpus.requireFirst(issues)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.line == 2)
        #expect(e.message.contains("unknown article \"A9\""))
    }

    @Test func outOfOrderTimestampsAreReported() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let lines = [BadCorpus.goodTickets[1], BadCorpus.goodTickets[0], BadCorpus.goodTickets[2]]
        try BadCorpus.make(dir, tickets: lines)
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.line == 2)
        #expect(e.field == "created_at")
        #expect(e.message.contains("out of order"))
        // Replay refuses it as well.
        var stream = try CorpusReader(directory: dir.path).tickets()
        let thrown = try #require(throws: InputError.self) { while try stream.next() != nil {} }
        #expect(thrown.line == 2 && thrown.field == "created_at")
    }

    @Test func aManifestChecksumMismatchIsReported() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        let path = dir.file(Manifest.fileName)
        var m = try Manifest.read(path: path)
        m.files[tickets]!.sha256 = String(repeating: "0", count: 64)
        try m.encoded().write(to: URL(fileURLWithPath: path))
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(tickets) == true)
        #expect(e.field == "sha256")
        #expect(e.message.contains("checksum mismatch"))
        #expect(throws: InputError.self) { try CorpusReader(directory: dir.path) }
        // Opting out of the check (e.g. for speed on a trusted corpus) still reads it.
        #expect(try readAll(CorpusReader(directory: dir.path, verifyChecksums: false).tickets()).count == 3)
    }

    @Test func aManifestCountMismatchIsReported() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        try BadCorpus.rehash(dir, counts: .init(articles: 2, tickets: 4))
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(Manifest.fileName) == true)
        #expect(e.field == "counts.tickets")
    }

    @Test func aMalformedManifestNamesTheKey() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        try Data(
            #"{"name":"x","schema_version":1,"counts":{"articles":2},"files":{},"source":"","license":"","command":""}"#
                .utf8
        )
        .write(to: URL(fileURLWithPath: dir.file(Manifest.fileName)))
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file?.hasSuffix(Manifest.fileName) == true)
        #expect(e.field == "counts.tickets")
    }
}
