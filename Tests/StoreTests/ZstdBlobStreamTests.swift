import Testing

@testable import Store

/// The annotation log is compressed line by line (``ZstdBlob/compress(chunks:totalBytes:level:)``):
/// the stored blob reads back as the concatenated lines, like a one-shot blob.
@Test func streamedBlobReadsBackAsTheConcatenatedChunks() throws {
    let lines = (0..<5_000).map { i in
        Array("{\"kind\":\"adoption\",\"ticket\":\"tk-\(i)\",\"outcome\":\"used\"}\n".utf8)
    }
    let text = String(decoding: lines.joined(), as: UTF8.self)
    let blob = ZstdBlob.compress(chunks: lines, totalBytes: lines.reduce(0) { $0 + $1.count })
    #expect(try ZstdBlob.decompress(blob, store: "test.sqlite") == text)
    #expect(blob.count < text.utf8.count / 5)
}
