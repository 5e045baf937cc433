extension SentencePrior {
    /// One sentence's evidence by ticket word, as two parallel arrays sorted by word id (of the
    /// prior's ``Vocabulary``): 20 bytes per word (its id and its tally), where strings took 32
    /// (and a heap copy of each word over 15 bytes) and a `[String: Tally]` kept twice the
    /// buckets it has entries (about 4 KB for a sentence of 64 words). A year of tickets gives
    /// evidence to nearly every sentence of a help centre, so this is the prior's size (see
    /// BENCHMARKS.md, growth curves). Lookups are a binary search of at most
    /// ``GenerationConfig/priorWords`` ids. Equal when their ids and tallies are: words of one
    /// vocabulary (the prior compares across vocabularies by word).
    public struct Words: Equatable, Sendable {
        /// The word ids, ascending, distinct.
        public private(set) var keys: [Int32] = []
        /// The tally of each word of ``keys``, at the same index.
        public private(set) var values: [Tally] = []

        public init() {}

        /// `pairs` with distinct ids, in any order.
        init(uniqueIDs pairs: some Sequence<(key: Int32, value: Tally)>) {
            let sorted = pairs.sorted { $0.key < $1.key }
            keys = sorted.map(\.key)
            values = sorted.map(\.value)
        }

        public var count: Int { keys.count }
        public var isEmpty: Bool { keys.isEmpty }

        /// Index of `id` in ``keys``, or where it would be inserted.
        private func index(of id: Int32) -> (index: Int, found: Bool) {
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            return (lo, lo < keys.count && keys[lo] == id)
        }

        /// The tally of word `id`, nil when the sentence has none for it.
        subscript(id: Int32) -> Tally? {
            let (i, found) = index(of: id)
            return found ? values[i] : nil
        }

        /// Changes the tally of word `id` (a zero tally first when new) in place.
        mutating func update(_ id: Int32, _ change: (inout Tally) -> Void) {
            let (i, found) = index(of: id)
            if !found {
                keys.insert(id, at: i)
                values.insert(Tally(), at: i)
            }
            change(&values[i])
        }

        /// Replaces each id by `renumbered[id]`, which must keep them ascending
        /// (``SentencePrior/compactVocabulary()``); the tallies are untouched.
        mutating func renumber(_ renumbered: [Int32]) {
            keys = keys.map { renumbered[Int($0)] }
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

        /// (word id, tally) pairs, ascending by id.
        var pairs: Zip2Sequence<[Int32], [Tally]> { zip(keys, values) }
    }
}
