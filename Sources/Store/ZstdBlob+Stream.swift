import CZstd

extension ZstdBlob {
    /// One zstd frame of the concatenation of `chunks`, compressed as they come: what is held
    /// at once is one chunk and the compressed output, never the whole text (an evaluation
    /// window's annotation log of a large run is tens of megabytes of JSON, a tenth of that
    /// compressed). The frame's header carries the content size (`totalBytes`, which must be
    /// the chunks' total length), so ``decompress(_:store:)`` sizes its buffer from it.
    ///
    /// ```swift
    /// let lines = entries.map(\.jsonLineBytes)
    /// let blob = ZstdBlob.compress(chunks: lines, totalBytes: lines.reduce(0) { $0 + $1.count })
    /// ```
    static func compress<Chunks: Sequence<[UInt8]>>(chunks: Chunks, totalBytes: Int, level: Int32 = 3) -> [UInt8] {
        guard let cctx = ZSTD_createCCtx() else { preconditionFailure("cannot allocate a zstd compression context") }
        defer { ZSTD_freeCCtx(cctx) }
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setPledgedSrcSize(cctx, UInt64(totalBytes))
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        /// Feeds `bytes` with `directive`, appending the output until zstd has taken everything
        /// (and, at the end, flushed the frame).
        func feed(_ bytes: [UInt8], _ directive: ZSTD_EndDirective) {
            bytes.withUnsafeBytes { src in
                var input = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
                while true {
                    let (remaining, produced) = buffer.withUnsafeMutableBytes { dst -> (Int, Int) in
                        var output = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                        let r = ZSTD_compressStream2(cctx, &output, &input, directive)
                        precondition(
                            ZSTD_isError(r) == 0,
                            "zstd stream compression failed: \(String(cString: ZSTD_getErrorName(r)))")
                        return (r, output.pos)
                    }
                    out += buffer[0..<produced]
                    let done = directive == ZSTD_e_end ? remaining == 0 : input.pos == input.size
                    if done { break }
                }
            }
        }
        var fed = 0
        for chunk in chunks {
            fed += chunk.count
            feed(chunk, ZSTD_e_continue)
        }
        precondition(fed == totalBytes, "ZstdBlob.compress(chunks:): \(fed) bytes fed, \(totalBytes) pledged")
        feed([], ZSTD_e_end)
        return out
    }
}
