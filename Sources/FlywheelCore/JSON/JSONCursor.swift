/// A byte-level pull parser for one JSON line (RFC 8259), used instead of Foundation's
/// `JSONDecoder` because reading a corpus must keep up with zstd decompression. One cursor for
/// every hand-written reader: the corpus formats (Corpora, which adds ``value()``) throw
/// ``JSONSyntaxError``s from the methods here; the process protocol's scanners (ProcessStages)
/// use declining forms of the same tokens, returning nil, in `JSONCursor+Declining.swift` there.
///
/// It reads straight into the target fields: the decoders of the line formats loop over an
/// object's keys with ``forEachKey(_:)``, compare the raw key bytes with the field names they
/// know, and call `string()`, `int()`, … for the value. Strings are checked to be valid UTF-8.
/// Errors are ``JSONSyntaxError``s carrying the field path; the line reader adds file and line.
/// Strings and numbers are read by `JSONCursor+String.swift` and `JSONCursor+Number.swift`.
public struct JSONCursor {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var pos = 0
    /// Nesting depth of Corpora's `value()`, capped so a hostile line cannot overflow the stack.
    public var depth = 0

    @inlinable public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// An error at the cursor's position; the enclosing keys and indices are added to its field
    /// path as it leaves ``forEachKey(_:)`` and ``forEachElement(_:)``.
    @inlinable public func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(field: nil, message: message)
    }

    @inlinable @inline(__always) public mutating func skipWhitespace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { pos += 1 } else { return }
        }
    }

    /// The next non-space byte, without consuming it (nil at the end).
    @inlinable @inline(__always) public mutating func peek() -> UInt8? {
        skipWhitespace()
        return pos < bytes.count ? bytes[pos] : nil
    }

    @inlinable @inline(__always) public mutating func expect(_ c: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == c {
            pos += 1
            return
        }
        guard pos < bytes.count else { throw fail("unexpected end of line, expected \(what)") }
        guard bytes[pos] == c else {
            throw fail("expected \(what) at column \(pos + 1), found \(describe(bytes[pos]))")
        }
        pos += 1
    }

    /// After the top-level value: only spaces may follow.
    @inlinable public mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        if pos < bytes.count {
            throw fail("unexpected \(describe(bytes[pos])) at column \(pos + 1) after the JSON object")
        }
    }

    @inlinable public func describe(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16))"
    }

    /// Iterates over an object's members. `body` gets the raw key bytes (unescaped keys are the
    /// common case; escaped keys are decoded) and must consume the value.
    @inlinable public mutating func forEachKey(
        _ body: (inout JSONCursor, UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Void
    )
        throws(JSONSyntaxError)
    {
        try expect(0x7B, "'{'")
        if peek() == 0x7D { pos += 1; return }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == 0x22 else {
                throw fail(
                    pos < bytes.count
                        ? "expected a quoted key at column \(pos + 1)" : "unexpected end of line inside an object")
            }
            let keyStart = pos + 1
            var i = keyStart
            var escaped = false
            while i < bytes.count && bytes[i] != 0x22 {
                if bytes[i] == 0x5C { escaped = true; break }
                i += 1
            }
            if escaped {
                let key = try string()
                try expect(0x3A, "':'")
                let keyBytes = Array(key.utf8)
                do throws(JSONSyntaxError) {
                    try keyBytes.withUnsafeBufferPointer { (kb) throws(JSONSyntaxError) in try body(&self, kb) }
                } catch {
                    throw error.inside(.key(key))
                }
            } else {
                guard i < bytes.count else { throw fail("unterminated key") }
                pos = i + 1
                let key = UnsafeBufferPointer(rebasing: bytes[keyStart..<i])
                try expect(0x3A, "':'")
                do throws(JSONSyntaxError) {
                    try body(&self, key)
                } catch {
                    throw error.inside(.key(String(decoding: key, as: UTF8.self)))
                }
            }
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == 0x2C { pos += 1; continue }
            if pos < bytes.count && bytes[pos] == 0x7D { pos += 1; return }
            // Name the member just read: the mistake is usually at its end.
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<i]), as: UTF8.self)
            guard pos < bytes.count else {
                throw JSONSyntaxError(
                    field: name, message: "unexpected end of line inside an object, after this field's value")
            }
            throw JSONSyntaxError(
                field: name,
                message:
                    "expected ',' or '}' after this field's value at column \(pos + 1), found \(describe(bytes[pos]))")
        }
    }

    /// Iterates over an array's elements; `body` must consume each element.
    @inlinable public mutating func forEachElement(_ body: (inout JSONCursor, Int) throws(JSONSyntaxError) -> Void)
        throws(JSONSyntaxError)
    {
        try expect(0x5B, "'['")
        if peek() == 0x5D { pos += 1; return }
        var index = 0
        while true {
            do throws(JSONSyntaxError) {
                try body(&self, index)
            } catch {
                throw error.inside(.index(index))
            }
            index += 1
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of line inside an array") }
            if bytes[pos] == 0x2C { pos += 1; continue }
            if bytes[pos] == 0x5D { pos += 1; return }
            throw fail("expected ',' or ']' at column \(pos + 1), found \(describe(bytes[pos]))")
        }
    }

    /// True when the next value is `null` (and consumes it).
    @inlinable public mutating func consumeNull() -> Bool {
        skipWhitespace()
        if pos + 4 <= bytes.count && bytes[pos] == 0x6E && bytes[pos + 1] == 0x75 && bytes[pos + 2] == 0x6C
            && bytes[pos + 3] == 0x6C
        {
            pos += 4
            return true
        }
        return false
    }

    @inlinable public mutating func bool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw fail(
            pos < bytes.count ? "expected true or false, found \(describe(bytes[pos]))" : "expected true or false")
    }

    @inlinable mutating func matchLiteral(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        let w = word.utf8Start
        for j in 0..<n where bytes[pos + j] != w[j] { return false }
        pos += n
        return true
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `word` exactly (for matching keys without allocating).
    @inlinable @inline(__always) public func equals(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard count == n else { return false }
        let w = word.utf8Start
        for j in 0..<n where self[j] != w[j] { return false }
        return true
    }
}
