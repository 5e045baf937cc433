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
        /// The words by id, each word's hash by id, and an open-addressing index of ids: 4 bytes
        /// a slot (at most half full) and 24 a word, where a `StringTable` keeps a hash, a
        /// string and a value in every slot (64–128 bytes a word) — the vocabulary holds up to
        /// twice the prior's distinct words, so its slots were a share of the prior's size.
        private struct State {
            var words: [String] = []
            var hashes: [UInt64] = []
            /// Id per slot (−1 when empty), probed linearly from the home slot of the hash.
            var slots = [Int32](repeating: -1, count: 16)

            /// The slot holding `word` (whose hash is `hash`), or the empty slot where it would go.
            func slot(of word: String, hash: UInt64) -> (index: Int, found: Bool) {
                let mask = slots.count - 1
                var i = Int(truncatingIfNeeded: hash >> 7) & mask
                while true {
                    let id = slots[i]
                    if id < 0 { return (i, false) }
                    if hashes[Int(id)] == hash && words[Int(id)] == word { return (i, true) }
                    i = (i + 1) & mask
                }
            }

            func id(of word: String) -> Int32? {
                let (i, found) = slot(of: word, hash: StringTable<Int32>.hash(word))
                return found ? slots[i] : nil
            }

            /// The id of `word`, a new one when it is new.
            mutating func intern(_ word: String) -> Int32 {
                let hash = StringTable<Int32>.hash(word)
                let (i, found) = slot(of: word, hash: hash)
                if found { return slots[i] }
                let id = Int32(words.count)
                words.append(word)
                hashes.append(hash)
                if 2 * words.count > slots.count {
                    grow()
                } else {
                    slots[i] = id
                }
                return id
            }

            /// Doubles the slots and places every id again, by its stored hash.
            mutating func grow() {
                var size = slots.count
                while 2 * words.count > size { size *= 2 }
                slots = [Int32](repeating: -1, count: size)
                let mask = size - 1
                for (id, hash) in hashes.enumerated() {
                    var i = Int(truncatingIfNeeded: hash >> 7) & mask
                    while slots[i] >= 0 { i = (i + 1) & mask }
                    slots[i] = Int32(id)
                }
            }
        }
        private let state: Locked<State>

        init() { state = Locked(State()) }

        /// A vocabulary of `words` (distinct), with ids 0, 1, … in their order.
        init(words: [String]) {
            var s = State()
            s.words.reserveCapacity(words.count)
            s.hashes.reserveCapacity(words.count)
            for w in words { _ = s.intern(w) }
            state = Locked(s)
        }

        /// Words interned so far (ids are 0..<count).
        var count: Int { state.withLock { $0.words.count } }

        /// The ids of `words`, in their order (new words get new ids).
        func ids(_ words: [String]) -> [Int32] {
            state.withLock { s in words.map { s.intern($0) } }
        }

        /// The ids of those of `words` already interned, in their order.
        func knownIDs(_ words: [String]) -> [Int32] {
            state.withLock { s in words.compactMap { s.id(of: $0) } }
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
