import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

@Suite struct CorpusRoundTripTests {
    @Test func writeThenReadGivesEqualValues() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let written = try Sample.write(to: dir.path)
        #expect(written.counts == Manifest.Counts(articles: 3, tickets: 3, annotations: 6))

        let corpus = try CorpusReader(directory: dir.path)
        #expect(corpus.manifest == written)
        #expect(try corpus.articles() == Sample.articles)
        #expect(try readAll(corpus.tickets()) == Sample.tickets)
        var stream = try #require(try corpus.annotations())
        var annotations: [Annotation] = []
        while let a = try stream.next() { annotations.append(a) }
        #expect(annotations == Sample.annotations)
    }

    @Test func sameValuesGiveIdenticalBytes() throws {
        let one = try TemporaryFolder("corpora"), two = try TemporaryFolder("corpora")
        defer { one.cleanUp(); two.cleanUp() }
        let m1 = try Sample.write(to: one.path)
        let m2 = try Sample.write(to: two.path)
        #expect(m1.files == m2.files)
        for name in [Manifest.fileName] + CorpusFile.allCases.map(\.fileName) {
            let a = FileManager.default.contents(atPath: one.file(name))
            let b = FileManager.default.contents(atPath: two.file(name))
            #expect(a != nil && a == b, "\(name) differs")
        }
    }

    /// The articles' zstd frame ends at the first ticket (freeing its context); an article
    /// written after a ticket starts a second frame, and the file still reads back whole.
    @Test func anArticleWrittenAfterATicketIsStillRead() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var w = try CorpusWriter(
            directory: dir.path, name: "late", source: "tests", license: "CC0-1.0", command: "test")
        for a in Sample.articles.prefix(2) { try w.write(a) }
        for t in Sample.tickets { try w.write(t) }
        try w.write(Sample.articles[2])
        _ = try w.finish()
        let corpus = try CorpusReader(directory: dir.path)
        #expect(try corpus.articles() == Sample.articles)
        #expect(try readAll(corpus.tickets()) == Sample.tickets)
        #expect(CorpusValidator(directory: dir.path).validate().isValid)
    }

    @Test func linesHaveAFixedKeyOrderAndEscaping() throws {
        var out: [UInt8] = []
        Sample.tickets[0].appendJSONLine(to: &out)
        #expect(
            String(decoding: out, as: UTF8.self)
                == #"{"id":"T1","created_at":"2026-01-05T09:30:00Z","text":"my refund??? \"where\"","channel":"email","locale":"en-GB","relevant":{"A1":2},"nuggets":[{"text":"Refund in 5 days","article":"A1"}],"reference_response":"Hi!\nYour refund is on its way.","conflicting":["A2"]}"#
        )
        out = []
        Sample.articles[1].appendJSONLine(to: &out)
        #expect(
            String(decoding: out, as: UTF8.self)
                == #"{"id":"A2","title":"Host payouts","body":"Payouts arrive in 3–5 days.\u0001"}"#)
    }

    @Test func withoutAnnotationsTheManifestListsNoAnnotationFile() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let m = try Sample.write(to: dir.path, annotations: false)
        #expect(m.counts.annotations == nil)
        #expect(m.files.keys.sorted() == ["articles.jsonl.zst", "tickets.jsonl.zst"])
        #expect(try CorpusReader(directory: dir.path).annotations() == nil)
    }

    @Test func anInterruptedWriteLeavesNoManifest() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try Sample.write(to: dir.path)
        var w = try CorpusWriter(directory: dir.path, name: "again", source: "s", license: "l", command: "c")
        try w.write(Sample.articles[0])
        // Not finished: the old manifest is gone, so the folder does not look complete.
        #expect(!FileManager.default.fileExists(atPath: dir.file(Manifest.fileName)))
        #expect(throws: InputError.self) { try CorpusReader(directory: dir.path) }
    }

    @Test func writerRefusesTicketsOutOfTimeOrder() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var w = try CorpusWriter(directory: dir.path, name: "x", source: "s", license: "l", command: "c")
        try w.write(Sample.tickets[1])
        let error = try #require(throws: InputError.self) { try w.write(Sample.tickets[0]) }
        #expect(error.field == "created_at")
        #expect(error.line == 2)
    }

    @Test func streamsAFileLargerThanTheReadBuffer() throws {
        // 5,000 lines of ~300 bytes (1.5 MB uncompressed) pass through 128 KiB chunks.
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var w = try CorpusWriter(
            directory: dir.path, name: "big", source: "s", license: "l", command: "c", compressionLevel: 3)
        try w.write(Sample.articles[0])
        let filler = String(repeating: "lorem ipsum ", count: 25)
        for i in 0..<5000 {
            try w.write(Sample.record("T\(i)", Int64(i), "ticket \(i) \(filler)", ["A1": 1 + i % 3]))
        }
        let m = try w.finish()
        #expect(m.counts.tickets == 5000)
        var stream = try CorpusReader(directory: dir.path).tickets()
        var n = 0
        while let r = try stream.next() {
            #expect(r.ticket.id.rawValue == "T\(n)")
            n += 1
        }
        #expect(n == 5000)
    }
}
