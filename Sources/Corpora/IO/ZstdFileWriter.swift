import CZstd
import FlywheelCore

#if canImport(Glibc)
    import Glibc

    /// write(2), named apart from the `write` methods of this file's types.
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    /// write(2), named apart from the `write` methods of this file's types.
    private let systemWrite = Darwin.write
#endif

/// Writes a zstd-compressed file by streaming (`ZSTD_compressStream2`), hashing the compressed
/// bytes with SHA-256 as they go out, so the manifest entry needs no second pass.
///
/// Output is deterministic: single-threaded compression (`nbWorkers = 0`), no timestamps in the
/// zstd frame format, a fixed level, and the content checksum flag on so readers detect damage.
final class ZstdFileWriter {
    /// The default level: small files (the 40k-ticket corpus stays a few MB) written in seconds.
    /// Level 19 compresses ~5% better but is an order of magnitude slower.
    static let defaultLevel: Int32 = 12

    let path: String
    private(set) var compressedBytes = 0
    private(set) var uncompressedBytes = 0
    private var hash = SHA256()
    private let fd: Int32
    private let cctx: OpaquePointer
    private var staging: [UInt8] = []
    private var output: [UInt8]
    private var closed = false
    private static let stagingLimit = 1 << 17

    init(path: String, level: Int32 = ZstdFileWriter.defaultLevel) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw InputError(file: path, "cannot create: \(String(cString: strerror(errno)))")
        }
        guard let ctx = ZSTD_createCCtx() else {
            close(fd)
            throw InputError(file: path, "cannot allocate a zstd compression context")
        }
        cctx = ctx
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1)
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_nbWorkers, 0)
        output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        staging.reserveCapacity(ZstdFileWriter.stagingLimit + 4096)
    }

    deinit {
        ZSTD_freeCCtx(cctx)
        if !closed { close(fd) }
    }

    /// Appends uncompressed bytes.
    func write(_ bytes: [UInt8]) throws {
        staging += bytes
        if staging.count >= ZstdFileWriter.stagingLimit { try flushStaging(end: false) }
    }

    /// Appends bytes produced by `body` into the staging buffer directly (no intermediate array).
    func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&staging)
        if staging.count >= ZstdFileWriter.stagingLimit { try flushStaging(end: false) }
    }

    /// Ends the frame and closes the file. Returns (compressed bytes, hex SHA-256).
    func finish() throws -> (bytes: Int, sha256: String) {
        try flushStaging(end: true)
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw InputError(file: path, "fsync failed: \(String(cString: strerror(errno)))")
        }
        close(fd)
        closed = true
        return (compressedBytes, hash.finalizeHex())
    }

    private func flushStaging(end: Bool) throws {
        uncompressedBytes += staging.count
        let directive = end ? ZSTD_e_end : ZSTD_e_continue
        try staging.withUnsafeBufferPointer { src in
            var input = ZSTD_inBuffer(src: UnsafeRawPointer(src.baseAddress), size: src.count, pos: 0)
            while true {
                let (remaining, produced): (Int, Int) = output.withUnsafeMutableBufferPointer { out in
                    var o = ZSTD_outBuffer(dst: UnsafeMutableRawPointer(out.baseAddress!), size: out.count, pos: 0)
                    let r = ZSTD_compressStream2(cctx, &o, &input, directive)
                    return (r, o.pos)
                }
                if ZSTD_isError(remaining) != 0 {
                    throw InputError(
                        file: path, "zstd compression failed: \(String(cString: ZSTD_getErrorName(remaining)))")
                }
                if produced > 0 { try writeOut(produced) }
                let done = end ? remaining == 0 : input.pos == input.size
                if done { break }
            }
        }
        staging.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ count: Int) throws {
        try output.withUnsafeBytes { raw in
            let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
            hash.update(chunk)
            var off = 0
            while off < count {
                let n = systemWrite(fd, chunk.baseAddress! + off, count - off)
                guard n > 0 else {
                    throw InputError(file: path, "write failed: \(String(cString: strerror(errno)))")
                }
                off += n
            }
        }
        compressedBytes += count
    }
}
