#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FlywheelCore

/// The process protocol's readers of its bulky messages (``ReplyScanner`` on Flywheel's side,
/// ``RetrieveScanner`` on a Swift plugin's) on FlywheelCore's ``JSONCursor``: the grammar's
/// tokens in a declining form, each returning nil (or false) where the bytes do not fit, so that
/// a reader gives up and leaves the line to Foundation's parser and its messages. A cursor made
/// by ``scan(_:_:)`` has a 0 just past its last byte (strtod stops at it at the latest).
extension JSONCursor {
    /// Consumes `c` (after spaces), or returns false.
    mutating func take(_ c: UInt8) -> Bool {
        guard peek() == c else { return false }
        pos += 1
        return true
    }

    /// A string without escapes or control characters, valid UTF-8. ASCII (article ids,
    /// nearly always) is taken as is; anything else is validated.
    mutating func plainString() -> String? {
        guard let range = stringBytes() else { return nil }
        return Self.utf8String(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The bytes between a string's quotes, when it has no escapes or control characters.
    mutating func stringBytes() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = pos
        let run = plainRun(from: start)
        guard run.end < bytes.count, bytes[run.end] == UInt8(ascii: "\"") else { return nil }
        pos = run.end + 1
        return start..<run.end
    }

    /// A string with JSON's escapes decoded, valid UTF-8: ``string()``, declining instead of
    /// throwing.
    mutating func escapedString() -> String? {
        try? string()
    }

    mutating func boolean() -> Bool? {
        try? bool()
    }

    mutating func integer() -> Int? {
        skipWhitespace()
        let start = pos
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard digits() > 0, pos - start <= 18, !continuesNumber() else { return nil }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
    }

    /// A finite number in JSON's grammar, converted by strtod (correctly rounded, like
    /// the decoder).
    mutating func finiteNumber() -> Double? {
        skipWhitespace()
        let start = pos
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        let first = pos
        guard digits() > 0, !(bytes[first] == UInt8(ascii: "0") && pos - first > 1) else { return nil }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard digits() > 0 else { return nil }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digits() > 0 else { return nil }
        }
        guard !continuesNumber() else { return nil }
        let base = bytes.baseAddress!
        var stop: UnsafeMutablePointer<CChar>?
        // `bytes.count + 1`: the 0 that ``scan(_:_:)`` puts after the line.
        let value = base.withMemoryRebound(to: CChar.self, capacity: bytes.count + 1) { strtod($0 + start, &stop) }
        guard let stop, Int(bitPattern: stop) == Int(bitPattern: base + pos), value.isFinite else { return nil }
        return value
    }

    mutating func digits() -> Int {
        let start = pos
        while pos < bytes.count, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9") { pos += 1 }
        return pos - start
    }

    /// True when the token goes on past what the grammar took (`1.5x`, `2.`, `0x10`).
    func continuesNumber() -> Bool {
        guard pos < bytes.count else { return false }
        let c = bytes[pos]
        return c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    /// Runs `body` on a cursor over `line` (a 0 kept after it for strtod) and returns its value
    /// when the cursor then stands at the end of the line (only spaces after it).
    static func scan<T>(_ line: [UInt8], _ body: (inout JSONCursor) -> T?) -> T? {
        let terminated = line + [0]
        return terminated.withUnsafeBufferPointer {
            scan(terminated: UnsafeBufferPointer(rebasing: $0.dropLast()), body)
        }
    }

    /// ``scan(_:_:)`` over a line that a 0 already follows in memory, as ``LineBuffer`` hands
    /// lines out: read in place, not copied.
    static func scan<T>(terminated line: UnsafeBufferPointer<UInt8>, _ body: (inout JSONCursor) -> T?) -> T? {
        assert(line.baseAddress.map { $0[line.count] == 0 } ?? true, "a scanned line is followed by a 0")
        var cursor = JSONCursor(line)
        guard let value = body(&cursor) else { return nil }
        cursor.skipWhitespace()
        return cursor.pos == cursor.bytes.count ? value : nil
    }

    /// `{"key": value, …}` (at least one key): `field` reads the value after each key and returns
    /// false to decline it — an unknown or repeated key, an unreadable value — which declines the
    /// whole object.
    mutating func object(_ field: (inout JSONCursor, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")), field(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// Reads a field's value into `slot` the first time its key comes: false when `slot` is
    /// already set (a repeated key) or `read` declines.
    mutating func once<T>(_ slot: inout T?, _ read: (inout JSONCursor) -> T?) -> Bool {
        guard slot == nil, let value = read(&self) else { return false }
        slot = value
        return true
    }

    /// `[element, …]` read by `element`; nil when the brackets are missing or an element declines.
    mutating func array<T>(of element: (inout JSONCursor) -> T?) -> [T]? {
        var out: [T] = []
        guard take(UInt8(ascii: "[")) else { return nil }
        if take(UInt8(ascii: "]")) { return out }
        repeat {
            guard let value = element(&self) else { return nil }
            out.append(value)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? out : nil
    }

    /// Passes over an array of strings (checked as ``escapedString()`` would read them, but
    /// without making them when they have no escapes).
    mutating func skipStrings() -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            let mark = pos
            if let range = stringBytes() {  // a plain string: checked, not made
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                guard Self.isASCII(text) || String(validating: text, as: UTF8.self) != nil else { return false }
                continue
            }
            pos = mark
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
