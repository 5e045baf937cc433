/// A byte-level pull parser for one JSON line (RFC 8259), used instead of Foundation's
/// `JSONDecoder` because reading a corpus must keep up with zstd decompression.
///
/// It reads straight into the target fields: the decoders of the line formats loop over an
/// object's keys with ``forEachKey(_:)``, compare the raw key bytes with the field names they
/// know, and call `string()`, `int()`, … for the value. Strings are checked to be valid UTF-8.
/// Errors are ``JSONSyntaxError``s carrying the field path; the line reader adds file and line.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    /// The field path being parsed, for error messages: `relevant`, `nuggets[1].text`…
    var path: [PathComponent] = []

    enum PathComponent {
        /// An unescaped key, as a byte range of the line (no allocation per key).
        case rawKey(Int, Int)
        case key(String)
        case index(Int)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var fieldPath: String? {
        guard !path.isEmpty else { return nil }
        var s = ""
        for c in path {
            switch c {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .rawKey(let a, let b):
                let k = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
                s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(field: fieldPath, message: message)
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { pos += 1 } else { return }
        }
    }

    /// The next non-space byte, without consuming it (nil at the end).
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return pos < bytes.count ? bytes[pos] : nil
    }

    mutating func expect(_ c: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("unexpected end of line, expected \(what)") }
        guard bytes[pos] == c else { throw fail("expected \(what) at column \(pos + 1), found \(describe(bytes[pos]))") }
        pos += 1
    }

    /// After the top-level value: only spaces may follow.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        if pos < bytes.count { throw fail("unexpected \(describe(bytes[pos])) at column \(pos + 1) after the JSON object") }
    }

    func describe(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(String(c, radix: 16))"
    }

    /// Iterates over an object's members. `body` gets the raw key bytes (unescaped keys are the
    /// common case; escaped keys are decoded) and must consume the value.
    mutating func forEachKey(_ body: (inout JSONCursor, UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try expect(0x7B, "'{'")
        if peek() == 0x7D { pos += 1; return }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == 0x22 else {
                throw fail(pos < bytes.count ? "expected a quoted key at column \(pos + 1)" : "unexpected end of line inside an object")
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
                try keyBytes.withUnsafeBufferPointer { (kb) throws(JSONSyntaxError) in
                    try withKey(key) { (c) throws(JSONSyntaxError) in try body(&c, kb) }
                }
            } else {
                guard i < bytes.count else { throw fail("unterminated key") }
                pos = i + 1
                let key = UnsafeBufferPointer(rebasing: bytes[keyStart..<i])
                try expect(0x3A, "':'")
                path.append(.rawKey(keyStart, i))
                try body(&self, key)
                path.removeLast()
            }
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == 0x2C { pos += 1; continue }
            if pos < bytes.count && bytes[pos] == 0x7D { pos += 1; return }
            // Name the member just read: the mistake is usually at its end.
            path.append(.rawKey(keyStart, i))
            defer { path.removeLast() }
            guard pos < bytes.count else { throw fail("unexpected end of line inside an object, after this field's value") }
            throw fail("expected ',' or '}' after this field's value at column \(pos + 1), found \(describe(bytes[pos]))")
        }
    }

    private mutating func withKey(_ key: String, _ body: (inout JSONCursor) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        path.append(.key(key))
        try body(&self)
        path.removeLast()
    }

    /// Iterates over an array's elements; `body` must consume each element.
    mutating func forEachElement(_ body: (inout JSONCursor, Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try expect(0x5B, "'['")
        if peek() == 0x5D { pos += 1; return }
        var index = 0
        while true {
            path.append(.index(index))
            try body(&self, index)
            path.removeLast()
            index += 1
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of line inside an array") }
            if bytes[pos] == 0x2C { pos += 1; continue }
            if bytes[pos] == 0x5D { pos += 1; return }
            throw fail("expected ',' or ']' at column \(pos + 1), found \(describe(bytes[pos]))")
        }
    }

    /// True when the next value is `null` (and consumes it).
    mutating func consumeNull() -> Bool {
        skipWhitespace()
        if pos + 4 <= bytes.count && bytes[pos] == 0x6E && bytes[pos + 1] == 0x75 && bytes[pos + 2] == 0x6C && bytes[pos + 3] == 0x6C {
            pos += 4
            return true
        }
        return false
    }

    /// A JSON string, unescaped, checked to be valid UTF-8.
    mutating func string() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == 0x22 else {
            throw fail(pos < bytes.count ? "expected a string, found \(describe(bytes[pos]))" : "expected a string, found the end of the line")
        }
        let s = pos + 1
        var i = s
        // Fast path: no escapes, no control characters.
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x22 || c == 0x5C || c < 0x20 { break }
            i += 1
        }
        guard i < bytes.count else { throw fail("unterminated string") }
        if bytes[i] == 0x22 {
            pos = i + 1
            guard let str = String(validating: UnsafeBufferPointer(rebasing: bytes[s..<i]), as: UTF8.self) else {
                throw fail("invalid UTF-8 in string")
            }
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
                    guard i + 2 < bytes.count, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75 else { throw fail("unpaired surrogate \\u escape") }
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

    private func hex4(at i: Int) throws(JSONSyntaxError) -> UInt32 {
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

    /// A JSON integer (no fraction or exponent, unless they make a whole number such as `2.0`).
    mutating func int() throws(JSONSyntaxError) -> Int {
        let d = try number()
        guard let i = Int(exactly: d) else { throw fail("expected an integer, found \(d)") }
        return i
    }

    /// A JSON number.
    mutating func number() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        let s = pos
        var i = pos
        var isInt = true
        var value: Int64 = 0
        var negative = false
        if i < bytes.count && bytes[i] == 0x2D { negative = true; i += 1 }
        let digitsStart = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - 0x30))
            if o1 || o2 { isInt = false }
            value = a
            i += 1
        }
        guard i > digitsStart else {
            throw fail(i < bytes.count ? "expected a number, found \(describe(bytes[i]))" : "expected a number, found the end of the line")
        }
        if i - digitsStart > 1 && bytes[digitsStart] == 0x30 { throw fail("leading zero in number") }
        if i < bytes.count && (bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45) {
            isInt = false
            if bytes[i] == 0x2E {
                i += 1
                let f = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                guard i > f else { throw fail("expected digits after '.'") }
            }
            if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
                i += 1
                if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
                let e = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                guard i > e else { throw fail("expected digits in exponent") }
            }
        }
        pos = i
        if isInt { return Double(negative ? -value : value) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw fail("invalid number \(text)") }
        return d
    }

    mutating func bool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw fail(pos < bytes.count ? "expected true or false, found \(describe(bytes[pos]))" : "expected true or false")
    }

    private mutating func matchLiteral(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        let w = word.utf8Start
        for j in 0..<n where bytes[pos + j] != w[j] { return false }
        pos += n
        return true
    }

    /// Parses and discards any value (unknown fields are ignored, for forward compatibility).
    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try value()
    }

    /// Any JSON value, as a tree (used by the importers, whose field names come from the user).
    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        switch peek() {
        case 0x22: return .string(try string())
        case 0x7B:
            var members: [(String, JSONValue)] = []
            try forEachKey { (c, key) throws(JSONSyntaxError) in
                members.append((String(decoding: key, as: UTF8.self), try c.value()))
            }
            return .object(members)
        case 0x5B:
            var items: [JSONValue] = []
            try forEachElement { (c, _) throws(JSONSyntaxError) in items.append(try c.value()) }
            return .array(items)
        case 0x74, 0x66: return .bool(try bool())
        case 0x6E:
            if consumeNull() { return .null }
            throw fail("invalid literal at column \(pos + 1)")
        case nil: throw fail("expected a value, found the end of the line")
        default: return .number(try number())
        }
    }
}

/// A syntax or type error inside one JSON line; the reader turns it into an `InputError`.
struct JSONSyntaxError: Error {
    var field: String?
    var message: String
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `word` exactly (for matching keys without allocating).
    @inline(__always) func equals(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard count == n else { return false }
        let w = word.utf8Start
        for j in 0..<n where self[j] != w[j] { return false }
        return true
    }
}
