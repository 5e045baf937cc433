import CZstd

/// The loop every zstd compression stream runs (`ZSTD_compressStream2`): the corpus files'
/// writer (Corpora's `ZstdStream`, to a file) and the in-memory frames of annotation logs
/// (``ZstdFrameWriter``) both feed their input through it.
public enum ZstdFeed {
    /// Feeds `input` to `cctx` — ending the frame when `end` — until zstd has taken all of it
    /// (and, at the end, flushed the frame), handing each piece of output to `sink`; `buffer`
    /// holds one piece at a time (allocated here when empty). Returns zstd's error name when
    /// compression fails, nil otherwise.
    public static func compress(
        _ cctx: OpaquePointer?, _ input: UnsafeRawBufferPointer, end: Bool, buffer: inout [UInt8],
        sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> String? {
        if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize()) }
        let directive = end ? ZSTD_e_end : ZSTD_e_continue
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        while true {
            let (remaining, produced) = buffer.withUnsafeMutableBytes { dst -> (Int, Int) in
                var output = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                let r = ZSTD_compressStream2(cctx, &output, &source, directive)
                return (r, output.pos)
            }
            if ZSTD_isError(remaining) != 0 { return String(cString: ZSTD_getErrorName(remaining)) }
            if produced > 0 {
                try buffer.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
            }
            if end ? remaining == 0 : source.pos == source.size { return nil }
        }
    }
}
