import CZstd

extension ZstdBlob {
    /// One zstd frame of the bytes `append` writes for each of `items` in turn, compressed as
    /// they come: what is held at once is a batch of about `batchBytes` and the compressed
    /// output, never the whole text (an evaluation window's annotation log of a large run is
    /// tens of megabytes of JSON, a tenth of that compressed). Each item is written once; the
    /// total is not known in advance, so the frame's header has no content size and
    /// ``decompress(_:store:)`` streams it.
    ///
    /// ```swift
    /// let blob = ZstdBlob.compress(entries) { entry, out in out += entry.jsonLineBytes }
    /// ```
    static func compress<Items: Sequence>(
        _ items: Items, level: Int32 = 3, batchBytes: Int = 1 << 16, append: (Items.Element, inout [UInt8]) -> Void
    ) -> [UInt8] {
        guard let cctx = ZSTD_createCCtx() else { preconditionFailure("cannot allocate a zstd compression context") }
        defer { ZSTD_freeCCtx(cctx) }
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level)
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
        var batch: [UInt8] = []
        batch.reserveCapacity(batchBytes + 4096)
        for item in items {
            append(item, &batch)
            if batch.count >= batchBytes {
                feed(batch, ZSTD_e_continue)
                batch.removeAll(keepingCapacity: true)
            }
        }
        feed(batch, ZSTD_e_end)
        return out
    }

    /// The content of a frame whose header has no content size (``compress(_:level:batchBytes:append:)``),
    /// decompressed as a stream; nil when it is not a valid frame.
    static func decompressStreaming(_ blob: [UInt8]) -> [UInt8]? {
        guard let dctx = ZSTD_createDCtx() else { preconditionFailure("cannot allocate a zstd decompression context") }
        defer { ZSTD_freeDCtx(dctx) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        return blob.withUnsafeBytes { src -> [UInt8]? in
            var input = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
            while true {
                let (r, produced) = buffer.withUnsafeMutableBytes { dst -> (Int, Int) in
                    var output = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                    let r = ZSTD_decompressStream(dctx, &output, &input)
                    return (r, output.pos)
                }
                if ZSTD_isError(r) != 0 { return nil }
                out += buffer[0..<produced]
                if r == 0 { return input.pos == input.size ? out : nil }  // the frame is complete
                // more input is needed but none is left: a truncated frame
                if input.pos == input.size && produced < buffer.count { return nil }
            }
        }
    }
}
