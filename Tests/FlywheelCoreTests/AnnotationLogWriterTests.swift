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

    @Test func aCorruptFrameReadsAsNil() {
        #expect(ZstdFrameWriter.decompress([1, 2, 3, 4]) == nil)
        let frame = ZstdFrameWriter()
        frame.append { $0 += Array("line\n".utf8) }
        let bytes = frame.finish()
        #expect(ZstdFrameWriter.decompress(bytes) == Array("line\n".utf8))
        #expect(ZstdFrameWriter.decompress(Array(bytes.dropLast(3))) == nil)
    }
}
