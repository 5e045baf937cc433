extension JSONCursor {
    /// A JSON string, unescaped, checked to be valid UTF-8.
    @inlinable public mutating func string() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == 0x22 else {
            throw fail(
                pos < bytes.count
                    ? "expected a string, found \(describe(bytes[pos]))"
                    : "expected a string, found the end of the line")
        }
        let s = pos + 1
        // Fast path: no escapes, no control characters.
        let run = plainRun(from: s)
        var i = run.end
        guard i < bytes.count else { throw fail("unterminated string") }
        if bytes[i] == 0x22 {
            pos = i + 1
            let b = UnsafeBufferPointer(rebasing: bytes[s..<i])
            if run.isASCII { return JSONCursor.asciiString(b) }
            guard let str = String(validating: b, as: UTF8.self) else { throw fail("invalid UTF-8 in string") }
            return str
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[s..<i]))
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x22 {
                pos = i + 1
                guard let str = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in string") }
                return str
            }
            if c < 0x20 { throw fail("unescaped control character \(describe(c)) in string") }
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4(at: i + 1)
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 2 < bytes.count, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75 else {
                        throw fail("unpaired surrogate \\u escape")
                    }
                    let low = try hex4(at: i + 3)
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid low surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw fail("unpaired surrogate \\u escape")
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw fail("invalid escape \\\(describe(bytes[i])) in string")
            }
            i += 1
        }
        throw fail("unterminated string")
    }

    @inlinable func hex4(at i: Int) throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for j in i..<(i + 4) {
            let c = bytes[j]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }

    /// The index of the first `"`, `\` or control byte (< 0x20) at or after `start`, or
    /// `bytes.count`, and whether the bytes before it are all ASCII: eight bytes at a time, then
    /// byte by byte inside the word that has one.
    @inlinable @inline(__always) public func plainRun(from start: Int) -> (end: Int, isASCII: Bool) {
        var i = start
        let n = bytes.count
        var bits: UInt64 = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= n {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if JSONCursor.hasStringSpecialByte(w) { break }
                bits |= w
                i += 8
            }
        }
        while i < n {
            let c = bytes[i]
            if c == 0x22 || c == 0x5C || c < 0x20 { break }
            bits |= UInt64(c)
            i += 1
        }
        return (i, bits & 0x8080_8080_8080_8080 == 0)
    }

    /// Whether any byte of `w` is `"` (0x22), `\` (0x5C) or below 0x20. Exact as a yes/no test
    /// ("haszero" and "hasless" of S. E. Anderson, *Bit Twiddling Hacks*, "Determine if a word
    /// has a zero byte" / "… a byte less than n"; H. S. Warren, *Hacker's Delight*, §6-1).
    @inlinable @inline(__always) public static func hasStringSpecialByte(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let below20 = (w &- ones &* 0x20) & ~w
        return (zeroInQuote | zeroInBackslash | below20) & 0x8080_8080_8080_8080 != 0
    }

    /// `b` as a `String`, or nil when it is not valid UTF-8. ASCII, the usual case, is checked
    /// here eight bytes at a time and copied straight in: the stdlib's `String(validating:as:)`
    /// is generic and unspecialised, and looked up type metadata on every call (~15% of a
    /// tickets read in `perf`). Anything else still goes through `String(validating:as:)`.
    @inlinable @inline(__always) public static func utf8String(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard isASCII(b) else { return String(validating: b, as: UTF8.self) }
        return asciiString(b)
    }

    /// `b`, known to be ASCII, copied into a `String`.
    @inlinable @inline(__always) public static func asciiString(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let n = b.count
        guard n > 0, let source = b.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: n) { out in
            UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: source, byteCount: n)
            return n
        }
    }

    /// Whether every byte of `b` is below 0x80.
    @inlinable @inline(__always) public static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var bits: UInt64 = 0
        var i = 0
        let n = b.count
        if let base = UnsafeRawPointer(b.baseAddress) {
            while i + 8 <= n {
                bits |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
        }
        while i < n {
            bits |= UInt64(b[i])
            i += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }
}
