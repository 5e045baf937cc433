/// The Porter stemmer, as in the original paper: M. F. Porter, "An algorithm for suffix
/// stripping", *Program* 14(3):130–137, 1980. Not Porter2 ("English" Snowball stemmer): step 2
/// has `abli → able` and no `logi → log`, exactly as published.
///
/// Works on lower-case ASCII letters; a word with any other byte, or of two letters or fewer,
/// is returned unchanged (as in Porter's own reference implementation).
///
/// ```swift
/// PorterStemmer.stem("relational")   // "relat"
/// PorterStemmer.stem("ponies")       // "poni"
/// ```
public enum PorterStemmer {
    /// The stem of `word` (expected lower case).
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Word(bytes)
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5a()
        w.step5b()
        bytes = w.b
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The word being stemmed; `b` shrinks and grows as suffixes are replaced.
    struct Word {
        var b: [UInt8]
        init(_ b: [UInt8]) { self.b = b }

        /// True when the letter at `i` is a consonant: not a, e, i, o, u, and not a `y` that
        /// follows a consonant.
        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 0x61, 0x65, 0x69, 0x6F, 0x75: return false  // a e i o u
            case 0x79: return i == 0 ? true : !isConsonant(i - 1)  // y
            default: return true
            }
        }

        /// m, the number of VC sequences in the first `length` letters ([C](VC)^m[V]).
        func measure(_ length: Int) -> Int {
            var i = 0
            while i < length && isConsonant(i) { i += 1 }
            var m = 0
            while i < length {
                while i < length && !isConsonant(i) { i += 1 }
                if i >= length { break }
                while i < length && isConsonant(i) { i += 1 }
                m += 1
            }
            return m
        }

        /// *v*: the first `length` letters contain a vowel.
        func hasVowel(_ length: Int) -> Bool {
            (0..<length).contains { !isConsonant($0) }
        }

        /// *d: the first `length` letters end with a double consonant.
        func endsDoubleConsonant(_ length: Int) -> Bool {
            length >= 2 && b[length - 1] == b[length - 2] && isConsonant(length - 1)
        }

        /// *o: the first `length` letters end consonant–vowel–consonant, the last not w, x or y.
        func endsCVC(_ length: Int) -> Bool {
            guard length >= 3, isConsonant(length - 3), !isConsonant(length - 2), isConsonant(length - 1)
            else { return false }
            let last = b[length - 1]
            return last != 0x77 && last != 0x78 && last != 0x79
        }

        func ends(_ suffix: [UInt8]) -> Bool {
            b.count >= suffix.count && Array(b[(b.count - suffix.count)...]) == suffix
        }

        mutating func replaceSuffix(_ count: Int, with replacement: [UInt8]) {
            b.removeLast(count)
            b.append(contentsOf: replacement)
        }

        /// Applies the first rule whose suffix matches; replaces it when the stem's measure is
        /// above `minMeasure`. Returns whether a suffix matched (replaced or not).
        @discardableResult
        mutating func applyRules(_ rules: [(String, String)], minMeasure: Int) -> Bool {
            for (suffix, replacement) in rules {
                let s = Array(suffix.utf8)
                guard ends(s) else { continue }
                if measure(b.count - s.count) > minMeasure {
                    replaceSuffix(s.count, with: Array(replacement.utf8))
                }
                return true
            }
            return false
        }

        mutating func step1a() {
            if ends(Array("sses".utf8)) {
                b.removeLast(2)
            } else if ends(Array("ies".utf8)) {
                b.removeLast(2)
            } else if ends(Array("ss".utf8)) {
                return
            } else if ends(Array("s".utf8)) {
                b.removeLast()
            }
        }

        mutating func step1b() {
            if ends(Array("eed".utf8)) {
                if measure(b.count - 3) > 0 { b.removeLast() }
                return
            }
            var removed = false
            if ends(Array("ed".utf8)), hasVowel(b.count - 2) {
                b.removeLast(2)
                removed = true
            } else if ends(Array("ing".utf8)), hasVowel(b.count - 3) {
                b.removeLast(3)
                removed = true
            }
            guard removed else { return }
            if ends(Array("at".utf8)) || ends(Array("bl".utf8)) || ends(Array("iz".utf8)) {
                b.append(0x65)
            } else if endsDoubleConsonant(b.count) {
                let last = b[b.count - 1]
                if last != 0x6C && last != 0x73 && last != 0x7A { b.removeLast() }  // not l, s, z
            } else if measure(b.count) == 1 && endsCVC(b.count) {
                b.append(0x65)
            }
        }

        mutating func step1c() {
            if ends(Array("y".utf8)), hasVowel(b.count - 1) {
                b[b.count - 1] = 0x69
            }
        }

        mutating func step2() {
            applyRules(
                [
                    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"),
                    ("izer", "ize"), ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"),
                    ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
                    ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
                    ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
                ], minMeasure: 0)
        }

        mutating func step3() {
            applyRules(
                [
                    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
                    ("ful", ""), ("ness", ""),
                ], minMeasure: 0)
        }

        mutating func step4() {
            let suffixes = [
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
                "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
            ]
            // Longest match first among suffixes that share an ending (ement/ment/ent).
            for suffix in suffixes.sorted(by: { $0.utf8.count > $1.utf8.count }) {
                let s = Array(suffix.utf8)
                guard ends(s) else { continue }
                let stemLength = b.count - s.count
                if suffix == "ion" {
                    guard stemLength > 0, b[stemLength - 1] == 0x73 || b[stemLength - 1] == 0x74 else { return }
                }
                if measure(stemLength) > 1 { b.removeLast(s.count) }
                return
            }
        }

        mutating func step5a() {
            guard ends(Array("e".utf8)) else { return }
            let m = measure(b.count - 1)
            if m > 1 || (m == 1 && !endsCVC(b.count - 1)) { b.removeLast() }
        }

        mutating func step5b() {
            if measure(b.count) > 1 && endsDoubleConsonant(b.count) && b[b.count - 1] == 0x6C {
                b.removeLast()
            }
        }
    }
}
