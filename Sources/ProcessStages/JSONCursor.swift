#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cursor over one JSON line's bytes for the hand-written readers of the protocol's bulky
/// messages (``ReplyScanner`` on Flywheel's side, ``RetrieveScanner`` on a Swift plugin's):
/// the grammar's tokens, each returning nil (or false) where the bytes do not fit, so that a
/// reader gives up and leaves the line to Foundation's parser and its messages. `bytes` ends
/// with a 0 after `end` (strtod stops at it at the latest).
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        self.bytes = bytes
        self.end = end
    }

    mutating func skipSpace() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    mutating func take(_ c: UInt8) -> Bool {
        skipSpace()
        guard i < end, bytes[i] == c else { return false }
        i += 1
        return true
    }

    /// A string without escapes or control characters, valid UTF-8. ASCII (article ids,
    /// nearly always) is taken as is; anything else is validated.
    mutating func string() -> String? {
        guard let range = stringBytes() else { return nil }
        return Self.text(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The bytes between a string's quotes, when it has no escapes or control characters.
    mutating func stringBytes() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < end, bytes[i] != UInt8(ascii: "\"") {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            i += 1
        }
        guard i < end else { return nil }
        defer { i += 1 }
        return start..<i
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        bytes.allSatisfy { $0 < 0x80 }
            ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    mutating func boolean() -> Bool? {
        skipSpace()
        for (word, value) in [("true", true), ("false", false)] {
            let w = Array(word.utf8)
            if i + w.count <= end, Array(bytes[i..<(i + w.count)]) == w {
                i += w.count
                return value
            }
        }
        return nil
    }

    mutating func integer() -> Int? {
        skipSpace()
        let start = i
        if i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0, i - start <= 18, !continuesNumber() else { return nil }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
    }

    /// A finite number in JSON's grammar, converted by strtod (correctly rounded, like
    /// the decoder).
    mutating func number() -> Double? {
        skipSpace()
        let start = i
        if i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let first = i
        guard digits() > 0, !(bytes[first] == UInt8(ascii: "0") && i - first > 1) else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard !continuesNumber() else { return nil }
        let base = bytes.baseAddress!
        var stop: UnsafeMutablePointer<CChar>?
        let value = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { strtod($0 + start, &stop) }
        guard let stop, Int(bitPattern: stop) == Int(bitPattern: base + i), value.isFinite else { return nil }
        return value
    }

    mutating func digits() -> Int {
        let start = i
        while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    /// True when the token goes on past what the grammar took (`1.5x`, `2.`, `0x10`).
    func continuesNumber() -> Bool {
        guard i < end else { return false }
        let c = bytes[i]
        return c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    /// Runs `body` on a cursor over `line` (a 0 appended for strtod) and returns its value when
    /// the cursor then stands at the end of the line (only spaces after it).
    static func scan<T>(_ line: [UInt8], _ body: (inout JSONCursor) -> T?) -> T? {
        var bytes = line
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> T? in
            var cursor = JSONCursor(bytes: buffer, end: buffer.count - 1)
            guard let value = body(&cursor) else { return nil }
            cursor.skipSpace()
            return cursor.i == cursor.end ? value : nil
        }
    }

    /// A string with JSON's escapes decoded (`\uXXXX` surrogate pairs joined; a lone
    /// surrogate declines), valid UTF-8.
    mutating func escapedString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var start = i
        var decoded: [UInt8]?
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                guard var out = decoded else { return Self.text(piece) }
                out.append(contentsOf: piece)
                return String(validating: out, as: UTF8.self)
            }
            if b < 0x20 { return nil }
            guard b == UInt8(ascii: "\\") else {
                i += 1
                continue
            }
            var out = decoded ?? []
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            i += 1
            guard i < end else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(bytes[i])
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(at: i + 1) else { return nil }
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 2 < end, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u"),
                        let low = hex4(at: i + 3), (0xDC00...0xDFFF).contains(low)
                    else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: UTF8.encode(u)!)
            default: return nil
            }
            i += 1
            start = i
            decoded = out
        }
        return nil
    }

    /// The value of the four hex digits at `at`, nil unless there are four.
    func hex4(at: Int) -> UInt32? {
        guard at + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let c = bytes[k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Passes over an array of strings (checked as ``escapedString()`` would read them, but
    /// without making them when they have no escapes).
    mutating func skipStrings() -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            let mark = i
            if let range = stringBytes() {  // a plain string: checked, not made
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                guard text.allSatisfy({ $0 < 0x80 }) || String(validating: text, as: UTF8.self) != nil else {
                    return false
                }
                continue
            }
            i = mark
            guard escapedString() != nil else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// The bytes of an object's key (keys are plain strings), for comparing with a name.
    mutating func key() -> UnsafeBufferPointer<UInt8>? {
        guard let range = stringBytes() else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[range])
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are `name`'s UTF-8 (a static string's bytes, compared without a `String`).
    func spells(_ name: StaticString) -> Bool {
        count == name.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, name.utf8Start, count) == 0)
    }
}
