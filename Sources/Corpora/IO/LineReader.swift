import CZstd
import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line, decompressing zstd on the fly, without ever holding the whole
/// file: input is read in fixed-size chunks (`ZSTD_DStreamInSize()`), decompressed with
/// `ZSTD_decompressStream` into a buffer that only grows to the longest line.
///
/// Files ending in `.zst` are decompressed; any other file is read as plain bytes. A file that is
/// not zstd, or whose last frame stops before its end (a truncated download), is an
/// ``InputError`` naming the file and the line being read.
///
/// ```swift
/// let reader = try LineReader(path: "corpora/x/tickets.jsonl.zst")
/// while let n = try reader.nextLine({ bytes in bytes.count }) { … }
/// ```
final class LineReader {
    let path: String
    /// The 1-based number of the line most recently returned (0 before the first).
    private(set) var lineNumber = 0
    private let fd: Int32
    private let dctx: OpaquePointer?
    private var input: [UInt8]
    private var inputPos = 0
    private var inputEnd = 0
    private var inputEOF = false
    /// Decompressed bytes: `buffer[start..<end]` is not yet returned; `scan` is where the search
    /// for the next newline resumes.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var scan = 0
    private var finished = false
    /// The last `ZSTD_decompressStream` result: 0 exactly when a frame has just been completed.
    private var frameRemaining = 0
    private var sawAnyInput = false
    /// Set when the byte stream itself failed (not zstd, truncated, unreadable): every later
    /// call throws it again, so callers that carry on after a bad line cannot loop forever.
    private(set) var streamError: InputError?
    /// Bytes read from a zstd file and decompressed from it so far, for ``InputLimit``'s
    /// total and ratio bounds.
    private var compressedRead: Int64 = 0
    private var decompressed: Int64 = 0
    /// The bounds in force, from ``InputLimit`` (tests lower them to stay fast).
    var maxLineBytes = InputLimit.lineBytes.value
    var maxDecompressedBytes = InputLimit.decompressedBytes.value
    var maxRatio = InputLimit.compressionRatio.value
    var ratioFloorBytes = InputLimit.ratioFloorBytes

    /// Opens `path`; `compressed` defaults to whether the name ends in `.zst`.
    init(path: String, compressed: Bool? = nil, chunkSize: Int = 1 << 17) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        let zstd = compressed ?? path.hasSuffix(".zst")
        if zstd {
            guard let ctx = ZSTD_createDCtx() else {
                close(fd)
                throw InputError(file: path, "cannot allocate a zstd decompression context")
            }
            dctx = ctx
            input = [UInt8](repeating: 0, count: max(ZSTD_DStreamInSize(), 4096))
            buffer = [UInt8](repeating: 0, count: max(ZSTD_DStreamOutSize() * 2, chunkSize))
        } else {
            dctx = nil
            input = []
            buffer = [UInt8](repeating: 0, count: chunkSize)
        }
    }

    deinit {
        if let dctx { ZSTD_freeDCtx(dctx) }
        close(fd)
    }

    /// Calls `body` with the next line's bytes (without the newline, and without a trailing
    /// `\r`), or returns nil at the end of the file. The bytes are valid only inside `body`.
    func nextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        if let streamError { throw streamError }
        while true {
            if let nl = findNewline() {
                if Int64(nl - start) > maxLineBytes {
                    streamError = lineTooLong()
                    throw streamError!
                }
                lineNumber += 1
                var lineEnd = nl
                if lineEnd > start && buffer[lineEnd - 1] == 13 { lineEnd -= 1 }
                let s = start
                start = nl + 1
                scan = start
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[s..<lineEnd])) }
            }
            if finished {
                guard start < end else { return nil }
                if Int64(end - start) > maxLineBytes {
                    streamError = lineTooLong()
                    throw streamError!
                }
                lineNumber += 1
                let s = start, e = end
                start = end
                scan = end
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
            }
            do {
                try fill()
            } catch let e as InputError {
                streamError = e
                throw e
            }
        }
    }

    /// Skips through the rest of the file, returning how many lines were left.
    func countRemainingLines() throws -> Int {
        var n = 0
        while try nextLine({ _ in () }) != nil { n += 1 }
        return n
    }

    private func findNewline() -> Int? {
        guard scan < end else { return nil }
        let found: Int? = buffer.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress! + scan
            guard let p = memchr(base, 10, end - scan) else { return nil }
            return UnsafeRawPointer(p) - UnsafeRawPointer(buf.baseAddress!)
        }
        if found == nil { scan = end }
        return found
    }

    /// Makes room and adds more decompressed bytes to `buffer[end...]`, or sets `finished`.
    private func fill() throws {
        if start > 0 {
            let pending = end - start
            if pending > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + start, pending)
                }
            }
            scan -= start
            end = pending
            start = 0
        }
        if end == buffer.count {
            // The buffer holds one unfinished line: it may grow only up to the line limit.
            let limit = maxLineBytes
            if Int64(end) > limit { throw lineTooLong() }
            buffer += [UInt8](repeating: 0, count: Int(min(Int64(buffer.count), limit + 1 - Int64(end))))
        }
        if dctx == nil {
            let n = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + end, b.count - end) }
            guard n >= 0 else {
                throw InputError(file: path, line: lineNumber + 1, "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { finished = true } else { end += n }
            return
        }
        try decompressMore()
    }

    /// Adds `n` decompressed bytes and refuses a file past the total or ratio bound.
    private func countDecompressed(_ n: Int) throws {
        decompressed += Int64(n)
        if decompressed > maxDecompressedBytes {
            throw InputLimit.decompressedBytes.exceeded(file: path, line: lineNumber + 1, bound: maxDecompressedBytes)
        }
        if decompressed > ratioFloorBytes, decompressed / max(compressedRead, 1) > maxRatio {
            throw InputLimit.compressionRatio.exceeded(file: path, line: lineNumber + 1, bound: maxRatio)
        }
    }

    private func lineTooLong() -> InputError {
        InputLimit.lineBytes.exceeded(file: path, line: lineNumber + 1, bound: maxLineBytes)
    }

    private func decompressMore() throws {
        let before = end
        while end == before {
            if inputPos == inputEnd && !inputEOF {
                let n = input.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress!, b.count) }
                guard n >= 0 else {
                    throw InputError(
                        file: path, line: lineNumber + 1, "read failed: \(String(cString: strerror(errno)))")
                }
                inputPos = 0
                inputEnd = n
                compressedRead += Int64(n)
                if n == 0 { inputEOF = true } else { sawAnyInput = true }
            }
            if inputPos == inputEnd && inputEOF {
                if !sawAnyInput { throw InputError(file: path, "empty file: not a zstd stream") }
                if frameRemaining == 0 { finished = true; return }
            }
            let result: Int = input.withUnsafeMutableBufferPointer { inb in
                buffer.withUnsafeMutableBufferPointer { outb in
                    var i = ZSTD_inBuffer(src: UnsafeRawPointer(inb.baseAddress!), size: inputEnd, pos: inputPos)
                    var o = ZSTD_outBuffer(dst: UnsafeMutableRawPointer(outb.baseAddress!), size: outb.count, pos: end)
                    let r = ZSTD_decompressStream(dctx, &o, &i)
                    inputPos = i.pos
                    end = o.pos
                    return r
                }
            }
            try countDecompressed(end - before)
            if ZSTD_isError(result) != 0 {
                let name = String(cString: ZSTD_getErrorName(result))
                let atStart = lineNumber == 0 && end == 0
                throw InputError(
                    file: path, line: atStart ? nil : lineNumber + 1,
                    atStart ? "not a zstd file (zstd: \(name))" : "corrupt zstd data (zstd: \(name))")
            }
            frameRemaining = result
            if end == buffer.count { return }
            if inputEOF && inputPos == inputEnd && end == before && result != 0 {
                throw InputError(
                    file: path, line: lineNumber + 1,
                    "truncated zstd file: the data ends inside a frame (incomplete download or interrupted write?)")
            }
        }
    }
}
