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

        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard b.count >= n else { return false }
            let p = suffix.utf8Start
            let offset = b.count - n
            for i in 0..<n where b[offset + i] != p[i] { return false }
            return true
        }

        mutating func replaceSuffix(_ count: Int, with replacement: StaticString) {
            b.removeLast(count)
            b.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        }

        /// Applies the first rule whose suffix matches; replaces it when the stem's measure is
        /// above `minMeasure`. Returns whether a suffix matched (replaced or not).
        @discardableResult
        mutating func applyRules(_ rules: [(StaticString, StaticString)], minMeasure: Int) -> Bool {
            for (suffix, replacement) in rules {
                guard ends(suffix) else { continue }
                let n = suffix.utf8CodeUnitCount
                if measure(b.count - n) > minMeasure {
                    replaceSuffix(n, with: replacement)
                }
                return true
            }
            return false
        }

        mutating func step1a() {
            if ends("sses") {
                b.removeLast(2)
            } else if ends("ies") {
                b.removeLast(2)
            } else if ends("ss") {
                return
            } else if ends("s") {
                b.removeLast()
            }
        }

        mutating func step1b() {
            if ends("eed") {
                if measure(b.count - 3) > 0 { b.removeLast() }
                return
            }
            var removed = false
            if ends("ed"), hasVowel(b.count - 2) {
                b.removeLast(2)
                removed = true
            } else if ends("ing"), hasVowel(b.count - 3) {
                b.removeLast(3)
                removed = true
            }
            guard removed else { return }
            if ends("at") || ends("bl") || ends("iz") {
                b.append(0x65)
            } else if endsDoubleConsonant(b.count) {
                let last = b[b.count - 1]
                if last != 0x6C && last != 0x73 && last != 0x7A { b.removeLast() }  // not l, s, z
            } else if measure(b.count) == 1 && endsCVC(b.count) {
                b.append(0x65)
            }
        }

        mutating func step1c() {
            if ends("y"), hasVowel(b.count - 1) {
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
                    ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")
                ], minMeasure: 0)
        }

        mutating func step3() {
            applyRules(
                [
                    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
                    ("ful", ""), ("ness", "")
                ], minMeasure: 0)
        }

        mutating func step4() {
            // Longest first where suffixes share an ending (ement, ment, ent); first match wins.
            let suffixes: [StaticString] = [
                "ement", "ance", "ence", "able", "ible", "ment", "al", "er", "ic", "ant", "ent",
                "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"
            ]
            for suffix in suffixes {
                guard ends(suffix) else { continue }
                let n = suffix.utf8CodeUnitCount
                let stemLength = b.count - n
                if n == 3 && ends("ion") {
                    guard stemLength > 0, b[stemLength - 1] == 0x73 || b[stemLength - 1] == 0x74 else { return }
                }
                if measure(stemLength) > 1 { b.removeLast(n) }
                return
            }
        }

        mutating func step5a() {
            guard ends("e") else { return }
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
