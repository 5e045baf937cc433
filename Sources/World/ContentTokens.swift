import FlywheelCore

/// Content words of a text, for the judge's token-overlap tests.
///
/// Lower-cased (ASCII) runs of letters and digits (a `.` or `,` between digits stays inside the number,
/// so `12.50` is one token), minus a small English stop-word list, with a light plural strip
/// (`refunds` → `refund`). Deliberately simple and deterministic: the judge needs "does this
/// sentence say this fact", not linguistics.
struct ContentTokens: Hashable, Sendable {
    /// Distinct content tokens.
    var words: Set<String>
    /// The subset of `words` that are numbers (contain a digit).
    var numbers: Set<String>
    /// `words` and `numbers` as process-wide interned ids (``ContentTokenIDs``), ascending, as
    /// computed by `init`: the judge's overlap tests merge these instead of hashing strings.
    /// (A value whose `words` is changed afterwards must not use them.)
    let wordIDs: [Int32]
    let numberIDs: [Int32]

    init(_ text: String) {
        var words = Set<String>()
        var numbers = Set<String>()
        for raw in ContentTokens.split(text) {
            guard !ContentTokens.stopWords.contains(raw) else { continue }
            let hasDigit = raw.utf8.contains(where: { $0 >= 48 && $0 <= 57 })
            if hasDigit {
                words.insert(raw)
                numbers.insert(raw)
            } else if raw.count >= 2 {
                words.insert(ContentTokens.stem(raw))
            }
        }
        self.words = words
        self.numbers = numbers
        (wordIDs, numberIDs) = ContentTokenIDs.ids(words, numbers)
    }

    /// `recall(in:)` of a value with word ids `wordIDs` in one with word ids `other` (both as
    /// made by `init`), and whether every word of the first is in the second.
    static func recallAndContainment(_ wordIDs: [Int32], in other: [Int32]) -> (recall: Double, contained: Bool) {
        guard !wordIDs.isEmpty else { return (0, true) }
        let common = SortedIDs.overlap(wordIDs, other)
        return (Double(common) / Double(wordIDs.count), common == wordIDs.count)
    }

    var isEmpty: Bool { words.isEmpty }

    /// |self ∩ other| / |self|: how much of `self` the other text says (0 when `self` is empty).
    func recall(in other: ContentTokens) -> Double {
        guard !words.isEmpty else { return 0 }
        return Double(words.intersection(other.words).count) / Double(words.count)
    }

    static func split(_ text: String) -> [String] {
        // UTF-8 bytes, not Characters: many times faster, and the judge tokenises a lot.
        // ASCII letters are lower-cased; non-ASCII bytes stay inside words as they are.
        var out: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        let bytes = Array(text.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func flush() {
            if !current.isEmpty {
                let word = String(decoding: current, as: UTF8.self)
                if !ContentTokens.clitics.contains(word) { out.append(word) }
                current.removeAll(keepingCapacity: true)
            }
        }
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 65 && b <= 90 {
                current.append(b + 32)
            } else if (b >= 97 && b <= 122) || isDigit(b) || b >= 0x80 {
                current.append(b)
            } else if b == 46 || b == 44, let last = current.last, isDigit(last), i + 1 < bytes.count,
                isDigit(bytes[i + 1])
            {
                current.append(b)  // 12.50, 1,000
            } else {
                // apostrophes split too: "customer's" → "customer" + clitic "s", dropped above
                flush()
            }
        }
        flush()
        return out
    }

    static func stem(_ w: String) -> String {
        if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            return String(w.dropLast())
        }
        return w
    }

    static let clitics: Set<String> = ["s", "t", "ll", "re", "ve", "d", "m"]

    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "don", "down", "during", "each", "few", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "let", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "yes", "ok", "okay", "may", "might", "must", "shall", "us", "get", "got",
        "one", "like", "well", "really", "much", "many", "sure", "please", "thank",
        "thanks", "hi", "hello", "dear"
    ]
}
