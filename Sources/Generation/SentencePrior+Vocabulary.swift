import FlywheelCore

extension SentencePrior {
    /// The interning of the words a ``SentencePrior`` holds evidence for, as dense `Int32` ids:
    /// a sentence's ``Words`` keeps 4-byte ids instead of 16-byte strings (20 bytes an entry
    /// with its tally, was 32, plus a heap copy of every word over 15 bytes per entry), and the
    /// ``CompiledPrior`` indexes the same ids instead of interning the words again.
    ///
    /// Shared by the copies of a prior (a retrained candidate and the generator it came from):
    /// it only ever adds words, so an id means the same word to every copy, and copies retrained
    /// on several threads at once intern under its lock. Ids depend on the order words were
    /// first seen — with parallel retraining, on thread timing — so they are compared for
    /// equality only, never used to order anything that reaches a value.
    ///
    /// It never forgets a word, and ticket words are an open vocabulary that the prior keeps
    /// only until stronger words push them out, so a prior replaces it, now and then, with one
    /// of the words it still has (``SentencePrior/compactVocabulary()``).
    final class Vocabulary: Sendable {
        private struct State {
            var ids = StringTable<Int32>()
            var words: [String] = []
        }
        private let state: Locked<State>

        init() { state = Locked(State()) }

        /// A vocabulary of `words` (distinct), with ids 0, 1, … in their order.
        init(words: [String]) {
            var s = State()
            s.words = words
            for (i, w) in words.enumerated() { s.ids.insert(w, hash: StringTable<Int32>.hash(w), Int32(i)) }
            state = Locked(s)
        }

        /// Words interned so far (ids are 0..<count).
        var count: Int { state.withLock { $0.words.count } }

        /// The ids of `words`, in their order (new words get new ids).
        func ids(_ words: [String]) -> [Int32] {
            state.withLock { s in
                words.map { w in
                    let hash = StringTable<Int32>.hash(w)
                    if let id = s.ids.value(w, hash: hash) { return id }
                    let id = Int32(s.words.count)
                    s.ids.insert(w, hash: hash, id)
                    s.words.append(w)
                    return id
                }
            }
        }

        /// The ids of those of `words` already interned, in their order.
        func knownIDs(_ words: [String]) -> [Int32] {
            state.withLock { s in words.compactMap { s.ids[$0] } }
        }

        /// The word of each of `ids` (each interned here), in their order.
        func words(_ ids: some Sequence<Int32>) -> [String] {
            state.withLock { s in ids.map { s.words[Int($0)] } }
        }

        /// The words of ids `0..<count`, in id order.
        func prefix(_ count: Int) -> ArraySlice<String> {
            state.withLock { $0.words.prefix(count) }
        }
    }

    /// Whether the vocabulary holds more than twice the words it held after the prior's last
    /// compaction (plus 4,096): then ``compactVocabulary()`` is due. Amortised as a growing
    /// array's copies are: each compaction follows a doubling. (Copies retrained from one prior
    /// share its vocabulary, so the count may include a sibling's words; that moves when memory
    /// is reclaimed, never a value.)
    var needsCompaction: Bool { vocabulary.count > 2 * compactedWords + 4_096 }

    /// Replaces the vocabulary with one of the words the prior still has, renumbered in the
    /// order of their old ids, so each sentence's ids stay ascending: only the id arrays are
    /// rewritten (4 bytes an entry), the tallies are kept as they are (shared with the copies
    /// that still hold the old vocabulary). Values are unchanged: they are keyed by word.
    mutating func compactVocabulary() {
        let old = vocabulary.count
        var live = [Bool](repeating: false, count: old)
        for words in tallies.values { for id in words.keys { live[Int(id)] = true } }
        var renumbered = [Int32](repeating: -1, count: old)
        var kept: [Int] = []
        for id in 0..<old where live[id] {
            renumbered[id] = Int32(kept.count)
            kept.append(id)
        }
        let oldWords = vocabulary.prefix(old)
        vocabulary = Vocabulary(words: kept.map { oldWords[$0] })
        for i in tallies.values.indices { tallies.values[i].renumber(renumbered) }
        compactedWords = kept.count
    }
}
