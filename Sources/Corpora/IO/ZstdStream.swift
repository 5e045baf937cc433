import CZstd
import FlywheelCore

#if canImport(Glibc)
    import Glibc

    /// write(2), named apart from the methods of this file's type.
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    /// write(2), named apart from the methods of this file's type.
    private let systemWrite = Darwin.write
#endif

/// The compressing end of a ``ZstdFileWriter``: the zstd context, the file and the SHA-256 of
/// the compressed bytes as they go out (so the manifest entry needs no second pass).
///
/// Single-threaded zstd (`nbWorkers = 0`) at a fixed level with the content checksum on, and
/// no timestamps in the format: the same input gives the same bytes, however it is split
/// across calls. Ending a frame frees the context (about 52 MB at level 12 for a stream of
/// unknown size); more input starts a new frame, and concatenated frames are one valid file.
///
/// Not locked: one thread at a time — the writer's, or its ``SerialWorker`` after a hand-off.
final class ZstdStream: @unchecked Sendable {
    let path: String
    let level: Int32
    private(set) var compressedBytes = 0
    private var hash = SHA256()
    private let fd: Int32
    private var cctx: OpaquePointer?
    /// zstd's output, one piece at a time (``ZstdFeed``).
    private var output: [UInt8] = []
    /// True once a frame has ended and no input has come since: closing writes nothing more.
    private var frameEnded = false
    private var closed = false

    init(path: String, level: Int32) throws {
        self.path = path
        self.level = level
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw InputError(file: path, "cannot create: \(String(cString: strerror(errno)))")
        }
        do {
            try startFrame()
        } catch {
            close(fd)
            throw error
        }
    }

    deinit {
        if let cctx { ZSTD_freeCCtx(cctx) }
        if !closed { close(fd) }
    }

    private func startFrame() throws {
        guard let ctx = ZSTD_createCCtx() else {
            throw InputError(file: path, "cannot allocate a zstd compression context")
        }
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 1)
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_nbWorkers, 0)
        cctx = ctx
    }

    /// Compresses `bytes`; with `endFrame` also ends the frame and frees the context.
    func compress(_ bytes: UnsafeBufferPointer<UInt8>, endFrame: Bool) throws {
        if bytes.isEmpty && !endFrame { return }
        if bytes.isEmpty && frameEnded { return }
        if cctx == nil { try startFrame() }
        frameEnded = false
        let failure = try ZstdFeed.compress(cctx, UnsafeRawBufferPointer(bytes), end: endFrame, buffer: &output) {
            try writeOut($0)
        }
        if let failure { throw InputError(file: path, "zstd compression failed: \(failure)") }
        if endFrame {
            ZSTD_freeCCtx(cctx)
            cctx = nil
            frameEnded = true
        }
    }

    /// Ends the frame if one is open, syncs and closes the file. Returns (compressed bytes, hex SHA-256).
    func finish() throws -> (bytes: Int, sha256: String) {
        try compress(UnsafeBufferPointer(start: nil, count: 0), endFrame: true)
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw InputError(file: path, "fsync failed: \(String(cString: strerror(errno)))")
        }
        closed = true
        guard close(fd) == 0 else {
            throw InputError(file: path, "close failed: \(String(cString: strerror(errno)))")
        }
        return (compressedBytes, hash.finalizeHex())
    }

    private func writeOut(_ chunk: UnsafeRawBufferPointer) throws {
        hash.update(chunk)
        var off = 0
        while off < chunk.count {
            let n = systemWrite(fd, chunk.baseAddress! + off, chunk.count - off)
            guard n > 0 else {
                throw InputError(file: path, "write failed: \(String(cString: strerror(errno)))")
            }
            off += n
        }
        compressedBytes += chunk.count
    }
}
