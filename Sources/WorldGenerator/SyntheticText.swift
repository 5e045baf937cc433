import FlywheelCore

/// Small text helpers for the generator: slot filling, sentence casing, typos, ids.
///
/// They work on UTF-8 bytes, not `Character`s: the catalogue's text is ASCII (a test checks it),
/// where a byte is a character, and grapheme breaking cost a third of the generator's time.
/// Bytes outside ASCII pass through unchanged and never count as letters or spaces.
enum SyntheticText {
    /// Replaces every `{key}` in `template` with `values[key]`; unknown keys, and a `{` with no
    /// `}` after it, are left as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var template = template
        let filled: String? = template.withUTF8 { t in
            guard var open = t.firstIndex(of: UInt8(ascii: "{")) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 32)
            var copied = 0
            while true {
                guard let close = t[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
                out.append(contentsOf: t[copied..<open])
                let key = String(decoding: t[(open + 1)..<close], as: UTF8.self)
                if let v = values[key] {
                    out.append(contentsOf: v.utf8)
                } else {
                    out.append(contentsOf: t[open...close])
                }
                copied = close + 1
                guard let next = t[copied...].firstIndex(of: UInt8(ascii: "{")) else { break }
                open = next
            }
            out.append(contentsOf: t[copied...])
            return String(decoding: out, as: UTF8.self)
        }
        return filled ?? template
    }

    /// The slot names a template uses, in order of first appearance.
    static func slots(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let key = String(rest[rest.index(after: open)..<close])
            if !names.contains(key) { names.append(key) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `text` with its first letter upper-cased.
    static func capitalized(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
            return first < 0x80 ? text : String(text.first!).uppercased() + text.dropFirst()
        }
        var bytes = Array(text.utf8)
        bytes[0] -= 32
        return String(decoding: bytes, as: UTF8.self)
    }

    static let questionStarts: Set<String> = [
        "how", "what", "when", "where", "why", "who", "which", "can", "could", "do", "does", "did",
        "is", "are", "will", "would", "should", "must", "any", "am"
    ]

    /// A customer sentence ends with "?" when it opens with a question word, else ".".
    static func terminated(_ sentence: String) -> String {
        let first = sentence.prefix(while: { $0 != " " && $0 != "," }).lowercased()
        return sentence + (questionStarts.contains(first) ? "?" : ".")
    }

    /// Introduces typing errors: each alphabetic word of four or more letters is, with
    /// probability `rate`, changed by one adjacent swap, one dropped letter or one doubled letter.
    /// Words are separated by single spaces; a word with any byte but an ASCII letter is left alone.
    static func typos(_ text: String, rate: Double, rng: inout RandomStream) -> String {
        guard rate > 0 else { return text }
        var bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
            let count = end - start
            if count >= 4, bytes[start..<end].allSatisfy(isASCIILetter), rng.bernoulli(rate) {
                let pos = start + 1 + rng.int(below: count - 2)  // keep the first and last letter
                switch rng.int(below: 3) {
                case 0:
                    bytes.swapAt(pos, pos + 1)
                    out.append(contentsOf: bytes[start..<end])
                case 1:
                    out.append(contentsOf: bytes[start..<pos])
                    out.append(contentsOf: bytes[(pos + 1)..<end])
                default:
                    out.append(contentsOf: bytes[start...pos])
                    out.append(contentsOf: bytes[pos..<end])
                }
            } else {
                out.append(contentsOf: bytes[start..<end])
            }
            if end < bytes.count { out.append(UInt8(ascii: " ")) }
            start = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    /// `n` as a decimal string, left-padded with zeros to `width`.
    static func padded(_ n: Int, width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Picks one element uniformly.
    static func pick<T>(_ items: [T], _ rng: inout RandomStream) -> T {
        items[rng.int(below: items.count)]
    }
}
