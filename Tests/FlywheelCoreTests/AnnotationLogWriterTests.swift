import Testing

@testable import FlywheelCore

/// A window's log compressed as it is written (``AnnotationLogWriter``): one zstd frame of the
/// entries' JSON lines, in order, whatever the size.
@Suite struct AnnotationLogWriterTests {
    static func entry(_ i: Int) -> AnnotationLogEntry {
        .annotation(
            LoggedAnnotation(
                time: Timestamp(secondsSinceEpoch: 1_700_000_000 + Int64(i)),
                annotation: .relevance(
                    RelevanceAnnotation(
                        ticket: TicketID("t\(i)"), agent: "a", article: ArticleID("d\(i % 7)"), rank: 1 + i % 8,
                        relevant: i % 3 == 0)),
                seconds: 4, persona: "rushed"))
    }

    @Test func holdsItsEntriesLinesInOneFrame() throws {
        let log = AnnotationLogWriter()
        // past several 64 KB batches
        let entries = (0..<5_000).map(Self.entry)
        for e in entries { log.append(e) }
        #expect(log.lines == 5_000)
        let written = try #require(log.finish())
        #expect(written.lines == 5_000)
        #expect(written.text == entries.map { $0.jsonLine + "\n" }.joined())
        #expect(written.frame.count * 5 < written.text!.utf8.count)  // compressed
    }

    @Test func anEmptyWindowWritesNothingAndAFinishedWriterStartsAfresh() throws {
        let log = AnnotationLogWriter()
        #expect(log.finish() == nil)
        log.append(Self.entry(1))
        #expect(try #require(log.finish()).text == Self.entry(1).jsonLine + "\n")
        #expect(log.lines == 0)
        log.append(Self.entry(2))
        #expect(try #require(log.finish()).text == Self.entry(2).jsonLine + "\n")
    }

    /// An exposure's line: members in a fixed order, a structured reply as a nested object,
    /// a reply known only by its text as a string; written after whatever the buffer holds.
    @Test func anExposureIsWrittenInPlaceAfterTheBuffersBytes() {
        let a = Reply(
            greeting: "Hi",
            sentences: [Reply.Sentence(text: "Line\none \"q\"", article: "a-1", articleRank: 1, position: 0)],
            closing: "Bye", tone: .brief)
        let entry = AnnotationLogEntry.exposure(
            Exposure(
                ticket: "t-1", time: Timestamp(secondsSinceEpoch: 1_767_605_400), shown: ["a-1", "a\"2"], a: a, b: nil,
                textB: "text b", propensityA: 0.25))
        let line =
            #"{"kind":"exposure","ticket":"t-1","time":"2026-01-05T09:30:00Z","shown":["a-1","a\"2"],"#
            + #""reply_a":{"tone":"brief","greeting":"Hi","sentences":[{"text":"Line\none \"q\"","article":"a-1","#
            + #""rank":1,"position":0}],"closing":"Bye"},"reply_b":"text b","propensity_a":0.25}"#
        #expect(entry.jsonLine == line)
        var out = Array("{}\n".utf8)
        entry.appendJSONLine(to: &out)
        #expect(out == Array(("{}\n" + line).utf8))
    }

    @Test func aCorruptFrameReadsAsNil() {
        #expect(ZstdFrameWriter.decompress([1, 2, 3, 4]) == nil)
        let frame = ZstdFrameWriter()
        frame.append { $0 += Array("line\n".utf8) }
        let bytes = frame.finish()
        #expect(ZstdFrameWriter.decompress(bytes) == Array("line\n".utf8))
        #expect(ZstdFrameWriter.decompress(Array(bytes.dropLast(3))) == nil)
    }
}
