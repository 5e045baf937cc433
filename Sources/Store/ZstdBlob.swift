import CZstd
import FlywheelCore

/// One-shot zstd compression of a text column (the annotation log: replies repeat article
/// sentences, so it shrinks about tenfold).
enum ZstdBlob {
    static func compress(_ text: String, level: Int32 = 3) -> [UInt8] {
        compress(Array(text.utf8), level: level)
    }

    static func compress(_ input: [UInt8], level: Int32 = 3) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
        let n = input.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                ZSTD_compress(dst.baseAddress, dst.count, src.baseAddress, src.count, level)
            }
        }
        precondition(ZSTD_isError(n) == 0, "zstd compression into its own bound cannot fail")
        out.removeLast(out.count - n)
        return out
    }

    /// The text of a blob `compress` wrote; a corrupt blob is an ``InputError`` naming `store`.
    static func decompress(_ blob: [UInt8], store: String) throws -> String {
        let size = blob.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        if size == ZSTD_CONTENTSIZE_UNKNOWN {
            // a log written line by line (``compress(_:level:batchBytes:append:)``)
            guard let out = decompressStreaming(blob) else {
                throw InputError(file: store, "a stored annotation log is corrupt: a truncated or invalid zstd frame")
            }
            return String(decoding: out, as: UTF8.self)
        }
        guard size != ZSTD_CONTENTSIZE_ERROR, size < 1 << 32 else {
            throw InputError(file: store, "a stored annotation log is not a zstd frame")
        }
        var out = [UInt8](repeating: 0, count: Int(size))
        let n = blob.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in ZSTD_decompress(dst.baseAddress, dst.count, src.baseAddress, src.count)
            }
        }
        guard ZSTD_isError(n) == 0, n == out.count else {
            throw InputError(
                file: store, "a stored annotation log is corrupt: \(String(cString: ZSTD_getErrorName(n)))")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
