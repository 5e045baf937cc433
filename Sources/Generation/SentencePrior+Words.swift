extension SentencePrior {
    /// One sentence's evidence by ticket word, as two parallel arrays sorted by word: 32 bytes
    /// per word (the word's string and its tally), where a `[String: Tally]` kept twice the
    /// buckets it has entries (about 4 KB for a sentence of 64 words). A year of tickets gives
    /// evidence to nearly every sentence of a help centre, so this is the prior's size (see
    /// BENCHMARKS.md, growth curves). Lookups are a binary search of at most
    /// ``GenerationConfig/priorWords`` words. Equality and the encoded form are those of the
    /// word → tally dictionary it replaces (the order is canonical, so equal maps are equal).
    public struct Words: Hashable, Sendable, Codable {
        /// The words, ascending, distinct.
        public private(set) var keys: [String] = []
        /// The tally of each word of ``keys``, at the same index.
        public private(set) var values: [Tally] = []

        public init() {}

        /// The words of `byWord`, sorted.
        public init(_ byWord: [String: Tally]) { self.init(uniqueWords: byWord) }

        /// `pairs` with distinct words, in any order.
        init(uniqueWords pairs: some Sequence<(key: String, value: Tally)>) {
            let sorted = pairs.sorted { $0.key < $1.key }
            keys = sorted.map(\.key)
            values = sorted.map(\.value)
        }

        public var count: Int { keys.count }
        public var isEmpty: Bool { keys.isEmpty }

        /// Index of `word` in ``keys``, or where it would be inserted.
        private func index(of word: String) -> (index: Int, found: Bool) {
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < word { lo = mid + 1 } else { hi = mid }
            }
            return (lo, lo < keys.count && keys[lo] == word)
        }

        /// The tally of `word`, nil when the sentence has none for it.
        public subscript(word: String) -> Tally? {
            let (i, found) = index(of: word)
            return found ? values[i] : nil
        }

        /// Changes the tally of `word` (a zero tally first when new) in place.
        mutating func update(_ word: String, _ change: (inout Tally) -> Void) {
            let (i, found) = index(of: word)
            if !found {
                keys.insert(word, at: i)
                values.insert(Tally(), at: i)
            }
            change(&values[i])
        }

        /// Releases spare capacity: an insertion into a full array doubles its capacity, which
        /// a sentence that stops growing would keep for the rest of the run (a year of tickets
        /// gives evidence to nearly every sentence, so the slack was a share of the prior's
        /// size). Copies only when more than an eighth (at least two words) is spare.
        mutating func shrinkToFit() {
            let spare = max(2, keys.count / 8)
            if keys.capacity > keys.count + spare { keys = keys.map { $0 } }
            if values.capacity > values.count + spare { values = values.map { $0 } }
        }

        /// (word, tally) pairs, ascending by word.
        public var pairs: Zip2Sequence<[String], [Tally]> { zip(keys, values) }

        public static func == (lhs: Words, rhs: Words) -> Bool { lhs.keys == rhs.keys && lhs.values == rhs.values }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(keys)
            hasher.combine(values)
        }

        public init(from decoder: Decoder) throws {
            self.init(try [String: Tally](from: decoder))
        }

        public func encode(to encoder: Encoder) throws {
            try Dictionary(uniqueKeysWithValues: pairs.map { ($0, $1) }).encode(to: encoder)
        }
    }
}
