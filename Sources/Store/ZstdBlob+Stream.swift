import FlywheelCore

extension ZstdBlob {
    /// One zstd frame of the bytes `append` writes for each of `items` in turn, compressed as
    /// they come (``ZstdFrameWriter``): what is held at once is a batch of about `batchBytes`
    /// and the compressed output, never the whole text (an evaluation window's annotation log of
    /// a large run is tens of megabytes of JSON, a tenth of that compressed). Each item is
    /// written once; the total is not known in advance, so the frame's header has no content
    /// size and ``decompress(_:store:)`` streams it.
    ///
    /// ```swift
    /// let blob = ZstdBlob.compress(entries) { entry, out in entry.appendLogLine(to: &out) }
    /// ```
    static func compress<Items: Sequence>(
        _ items: Items, level: Int32 = 3, batchBytes: Int = 1 << 16, append: (Items.Element, inout [UInt8]) -> Void
    ) -> [UInt8] {
        let writer = ZstdFrameWriter(level: level, batchBytes: batchBytes)
        for item in items { writer.append { append(item, &$0) } }
        return writer.finish()
    }

    /// The content of a frame whose header has no content size (``compress(_:level:batchBytes:append:)``),
    /// decompressed as a stream; nil when it is not a valid frame.
    static func decompressStreaming(_ blob: [UInt8]) -> [UInt8]? { ZstdFrameWriter.decompress(blob) }
}
