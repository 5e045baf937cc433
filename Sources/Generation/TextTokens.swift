/// The generator's own tiny analyzer: lowercase alphanumeric runs, a short English stopword
/// list, and a crude plural strip ("refunds" → "refund"). It is deliberately simpler than the
/// retriever's analyzer (which this target may not use): it only has to say which content words
/// a sentence shares with a ticket.
enum TextTokens {
    /// Function words that carry no topic. Kept short on purpose.
    static let stopwords: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "been", "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "get",
        "got", "had", "has", "have", "he", "her", "hi", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "just", "me", "my", "no", "not", "of", "on", "or", "our", "please",
        "she", "so", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "to", "us", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with",
        "would", "you", "your", "yes", "thanks", "thank", "hello", "there's", "it's", "i'm"
    ]

    /// Content tokens of `text`, in order, duplicates kept.
    static func tokens(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
        var out: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if current.count >= 2 || current.contains(where: \.isNumber), !stopwords.contains(current) {
                out.append(stem(current))
            }
            current = ""
        }
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "'" && !current.isEmpty {
                // "don't" and "customer's" stay one token until the apostrophe suffix is dropped.
                flush()
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// ``tokens(_:)`` of an all-ASCII text, byte by byte, with the same result: lower-casing
    /// maps only A–Z, `isLetter`/`isNumber` hold exactly for ASCII letters and digits, and the
    /// one multi-byte ASCII `Character` ("\r\n") splits like its two bytes.
    static func asciiTokens(_ text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var hasDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            if current.count >= 2 || hasDigit, !stopwords.contains(word) {
                switch asciiStemCut(current) {
                case 0: out.append(word)
                case 1: out.append(String(decoding: current.dropLast(), as: UTF8.self))
                default: out.append(String(decoding: current.dropLast(3), as: UTF8.self) + "y")
                }
            }
            current.removeAll(keepingCapacity: true)
            hasDigit = false
        }
        for b in text.utf8 {
            if b >= 0x41 && b <= 0x5A {
                current.append(b + 0x20)
            } else if b >= 0x61 && b <= 0x7A {
                current.append(b)
            } else if b >= 0x30 && b <= 0x39 {
                current.append(b)
                hasDigit = true
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// The distinct content tokens of `text`.
    static func tokenSet(_ text: String) -> Set<String> { Set(tokens(text)) }

    /// Strips a plural "s" from words longer than three letters (not "ss", "us", "is").
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"),
            !word.hasSuffix("is")
        else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }

    /// ``stem(_:)`` of an ASCII word given as its bytes, without building strings: 0 when it is
    /// kept, 1 when its plural "s" is dropped, 3 when its "ies" becomes "y". The same rule, since
    /// an ASCII word's `count` is its byte count and its suffixes are its last bytes.
    static func asciiStemCut(_ w: [UInt8]) -> Int {
        let n = w.count
        guard n > 3, w[n - 1] == UInt8(ascii: "s") else { return 0 }
        let before = w[n - 2]
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else { return 0 }
        return before == UInt8(ascii: "e") && w[n - 3] == UInt8(ascii: "i") && n > 4 ? 3 : 1
    }

    /// Whether `text` states a slot value: a digit, a currency sign or a percent sign.
    static func hasSlotValue(_ text: String) -> Bool {
        // ASCII: a digit, "$" or "%" (the only ASCII characters with isNumber are 0-9)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x24 || $0 == 0x25 }
        }
        return text.contains { $0.isNumber || $0 == "$" || $0 == "€" || $0 == "£" || $0 == "%" }
    }

    /// Whitespace-separated words, the unit ``Reply/wordCount`` counts.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
}
