import CZstd

/// One zstd frame written as its content comes: bytes are gathered in a batch of about
/// `batchBytes` and fed to one compression stream, so what is held at once is a batch and the
/// compressed output, never the whole content. The total is not known in advance, so the
/// frame's header has no content size (``ZstdFrameWriter/decompress(_:)`` streams it).
///
/// An evaluation window's annotation log (docs/annotations.md) is written through one of these
/// as the agents give their feedback, line by line (``AnnotationLogWriter``): a window of a year
/// of tickets is tens of megabytes of log entries, a tenth of that compressed. The results
/// store compresses a log it is handed whole with one too, so the two give the same bytes.
///
/// ```swift
/// let writer = ZstdFrameWriter()
/// writer.append { $0 += Array("one line\n".utf8) }
/// let frame = writer.finish()   // ZstdFrameWriter.decompress(frame) == Array("one line\n".utf8)
/// ```
///
/// Owned by one writer at a time (a window of one job): it is not synchronised.
public final class ZstdFrameWriter: @unchecked Sendable {
    private let cctx: OpaquePointer
    private let batchBytes: Int
    private var batch: [UInt8] = []
    private var out: [UInt8] = []
    private var buffer: [UInt8] = []
    private var finished = false

    /// `level`: zstd's compression level; `batchBytes`: how much is gathered before it is fed.
    public init(level: Int32 = 3, batchBytes: Int = 1 << 16) {
        guard let cctx = ZSTD_createCCtx() else { preconditionFailure("cannot allocate a zstd compression context") }
        self.cctx = cctx
        self.batchBytes = batchBytes
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level)
    }

    deinit { ZSTD_freeCCtx(cctx) }

    /// Writes what `write` appends to the batch (one item: a batch is fed only between items).
    public func append(_ write: (inout [UInt8]) -> Void) {
        precondition(!finished, "a zstd frame was written to after it was finished")
        if batch.capacity == 0 { batch.reserveCapacity(batchBytes + 4096) }
        write(&batch)
        if batch.count >= batchBytes {
            feed(end: false)
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// The frame: everything appended, compressed, and the frame closed. Once only.
    public func finish() -> [UInt8] {
        precondition(!finished, "a zstd frame was finished twice")
        feed(end: true)
        finished = true
        batch = []
        buffer = []
        defer { out = [] }
        return out
    }

    /// Feeds the batch (ending the frame when `end`), appending the output (``ZstdFeed``).
    private func feed(end: Bool) {
        let failure = batch.withUnsafeBytes { src in
            ZstdFeed.compress(cctx, src, end: end, buffer: &buffer) { out += $0 }
        }
        if let failure { preconditionFailure("zstd stream compression failed: \(failure)") }
    }

    /// The content of a frame whose header has no content size (one ``finish()`` returned),
    /// decompressed as a stream; nil when it is not one valid frame.
    public static func decompress(_ frame: [UInt8]) -> [UInt8]? {
        guard let dctx = ZSTD_createDCtx() else { preconditionFailure("cannot allocate a zstd decompression context") }
        defer { ZSTD_freeDCtx(dctx) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        return frame.withUnsafeBytes { src -> [UInt8]? in
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
