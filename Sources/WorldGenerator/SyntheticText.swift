import FlywheelCore

/// Small text helpers for the generator: slot filling, sentence casing, typos, ids.
enum SyntheticText {
    /// Replaces every `{key}` in `template` with `values[key]`; unknown keys are left as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 32)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[rest.startIndex..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            if let v = values[key] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
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
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
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
    static func typos(_ text: String, rate: Double, rng: inout RandomStream) -> String {
        guard rate > 0 else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for i in words.indices {
            let w = Array(words[i])
            guard w.count >= 4, w.allSatisfy({ $0.isLetter && $0.isASCII }) else { continue }
            guard rng.bernoulli(rate) else { continue }
            var chars = w
            let pos = 1 + rng.int(below: chars.count - 2)  // keep the first and last letter
            switch rng.int(below: 3) {
            case 0: chars.swapAt(pos, pos + 1 < chars.count ? pos + 1 : pos - 1)
            case 1: chars.remove(at: pos)
            default: chars.insert(chars[pos], at: pos)
            }
            words[i] = String(chars)
        }
        return words.joined(separator: " ")
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
