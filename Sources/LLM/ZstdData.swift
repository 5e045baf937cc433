import CZstd
import FlywheelCore
import Foundation

/// Whole-buffer zstd for the LLM cache (a few MB at most): deterministic single-threaded frames
/// with a content checksum.
enum ZstdData {
    static func compress(_ input: [UInt8], level: Int32 = 12) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let cctx = ZSTD_createCCtx()
        defer { ZSTD_freeCCtx(cctx) }
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1)
        let written = input.withUnsafeBytes { src in
            output.withUnsafeMutableBytes { dst in
                ZSTD_compress2(cctx, dst.baseAddress, bound, src.baseAddress, input.count)
            }
        }
        precondition(ZSTD_isError(written) == 0, "zstd compression of an in-memory buffer failed")
        return Array(output.prefix(written))
    }

    /// The decompressed bytes of one or more frames; an ``InputError`` naming `path` when the
    /// data is not zstd or is damaged.
    static func decompress(_ input: [UInt8], path: String) throws -> [UInt8] {
        guard let dctx = ZSTD_createDCtx() else { throw InputError(file: path, "cannot allocate a zstd context") }
        defer { ZSTD_freeDCtx(dctx) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        try input.withUnsafeBytes { src in
            var inBuffer = ZSTD_inBuffer(src: src.baseAddress, size: input.count, pos: 0)
            var last = 0
            while true {
                let produced = try chunk.withUnsafeMutableBytes { dst -> Int in
                    var outBuffer = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                    last = ZSTD_decompressStream(dctx, &outBuffer, &inBuffer)
                    if ZSTD_isError(last) != 0 {
                        throw InputError(
                            file: path, "not a readable zstd file: \(String(cString: ZSTD_getErrorName(last)))")
                    }
                    return outBuffer.pos
                }
                out += chunk.prefix(produced)
                // done when every input byte is read and the output buffer was not filled
                if inBuffer.pos == inBuffer.size && produced < chunk.count { break }
            }
            if last != 0 { throw InputError(file: path, "truncated zstd file") }
        }
        return out
    }
}
