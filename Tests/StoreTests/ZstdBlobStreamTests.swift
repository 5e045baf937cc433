import Testing

@testable import Store

/// The annotation log is compressed line by line, each line written once
/// (``ZstdBlob/compress(_:level:batchBytes:append:)``): the stored blob reads back as the
/// concatenated lines, like a one-shot blob, whatever the batch size.
@Test(arguments: [64, 1 << 16])
func streamedBlobReadsBackAsTheConcatenatedLines(batchBytes: Int) throws {
    let lines = (0..<5_000).map { i in "{\"kind\":\"adoption\",\"ticket\":\"tk-\(i)\",\"outcome\":\"used\"}\n" }
    let text = lines.joined()
    var written = 0
    let blob = ZstdBlob.compress(lines, batchBytes: batchBytes) { line, out in
        written += 1
        out += Array(line.utf8)
    }
    #expect(written == lines.count)
    #expect(try ZstdBlob.decompress(blob, store: "test.sqlite") == text)
    #expect(blob.count < text.utf8.count / 5)
}

/// A frame with its content size in the header (one-shot, and the stores written before the
/// log was streamed without a size) still reads back.
@Test func oneShotBlobStillReadsBack() throws {
    let text = String(repeating: "{\"kind\":\"exposure\",\"ticket\":\"tk-1\"}\n", count: 300)
    #expect(try ZstdBlob.decompress(ZstdBlob.compress(text), store: "test.sqlite") == text)
}

/// An empty log and a truncated frame: the empty text back; an error naming the store.
@Test func emptyAndTruncatedStreamedBlobs() throws {
    let empty = ZstdBlob.compress([String]()) { line, out in out += Array(line.utf8) }
    #expect(try ZstdBlob.decompress(empty, store: "test.sqlite") == "")
    let lines = (0..<2_000).map { "line \($0) of the log\n" }
    let blob = ZstdBlob.compress(lines) { line, out in out += Array(line.utf8) }
    #expect(throws: (any Error).self) { try ZstdBlob.decompress(Array(blob.prefix(blob.count / 2)), store: "t.sqlite") }
}
