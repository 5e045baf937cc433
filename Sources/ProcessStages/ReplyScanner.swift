#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fast path for the replies that carry most of a run's bytes, a retriever's or reranker's
/// lists: `{"id": N, "ok": true, "results": [[{"article": "…", "score": x}, …], …]}`.
/// Foundation's `JSONDecoder` spends about a microsecond per field on them (half of Flywheel's
/// side of the process boundary, BENCHMARKS.md "Process boundary"); this reads the bytes once.
///
/// It accepts only exactly that shape — keys `id`, `ok`, `results` (each once, any order), entries
/// with exactly `article` and `score`, strings without escapes, finite JSON numbers — and
/// returns nil for anything else, which `JSONDecoder` then decodes or rejects with its
/// message. So it never decides an error and never accepts what the decoder would refuse.
enum ReplyScanner {
    static func reply(_ line: [UInt8]) -> PluginMessages.Reply? {
        var bytes = line
        bytes.append(0)  // strtod stops at it at the latest
        return bytes.withUnsafeBufferPointer { buffer -> PluginMessages.Reply? in
            var s = Cursor(bytes: buffer, end: buffer.count - 1)
            return s.reply()
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let end: Int
        var i = 0

        mutating func reply() -> PluginMessages.Reply? {
            var id: Int?
            var ok: Bool?
            var results: [[WireEntry]]?
            guard take(UInt8(ascii: "{")) else { return nil }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "id" where id == nil: guard let n = integer() else { return nil }; id = n
                case "ok" where ok == nil: guard let b = boolean() else { return nil }; ok = b
                case "results" where results == nil: guard let r = lists() else { return nil }; results = r
                default: return nil
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            guard i == end, let id, let results else { return nil }
            return PluginMessages.Reply(id: id, ok: ok, results: results)
        }

        mutating func lists() -> [[WireEntry]]? {
            var out: [[WireEntry]] = []
            guard take(UInt8(ascii: "[")) else { return nil }
            if take(UInt8(ascii: "]")) { return out }
            repeat {
                guard take(UInt8(ascii: "[")) else { return nil }
                var list: [WireEntry] = []
                if !take(UInt8(ascii: "]")) {
                    repeat {
                        guard let entry = entry() else { return nil }
                        list.append(entry)
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "]")) else { return nil }
                }
                out.append(list)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? out : nil
        }

        mutating func entry() -> WireEntry? {
            var article: String?
            var score: Double?
            guard take(UInt8(ascii: "{")) else { return nil }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "article" where article == nil: guard let a = string() else { return nil }; article = a
                case "score" where score == nil: guard let x = number() else { return nil }; score = x
                default: return nil
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), let article, let score else { return nil }
            return WireEntry(article: article, score: score)
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
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            var ascii = true
            while i < end, bytes[i] != UInt8(ascii: "\"") {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                if b >= 0x80 { ascii = false }
                i += 1
            }
            guard i < end else { return nil }
            defer { i += 1 }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
            return ascii ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
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
    }
}
