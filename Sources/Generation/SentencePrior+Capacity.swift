import FlywheelCore

extension SentencePrior {
    /// The strength of one word's evidence for a sentence: how much was ever said about the
    /// sentence for tickets with that word, for or against (`positive + negative`).
    static func strength(_ tally: Tally) -> Double { tally.positive + tally.negative }

    /// Forgets, in each sentence of `keys`, all but its `capacity` strongest words (by
    /// ``strength(_:)``; ties kept by word, ascending); a `capacity` of 0 keeps every word.
    /// Returns the keys that lost words, in ascending order.
    ///
    /// This is what bounds the prior whatever the number of tickets: each adopted reply adds
    /// evidence for up to ``wordsPerTicket`` of its ticket's words to each of its sentences,
    /// and ticket words are an open vocabulary (names, order numbers, typos), so without a cap
    /// a sentence quoted in a year of replies keeps thousands of words seen once. The words
    /// that recur with a sentence — the ones whose evidence transfers to the next ticket — are
    /// the strong ones and stay; a word seen once among many stronger ones is forgotten (it
    /// added at most one ticket's evidence to any value). The retriever's learned expansion
    /// keeps its heaviest terms per article the same way.
    ///
    /// ```swift
    /// var prior = SentencePrior()
    /// prior.record(article: "a1", position: 0, ticketTokens: ["refund", "card"], weight: 1)
    /// prior.record(article: "a1", position: 0, ticketTokens: ["refund"], weight: 1)
    /// prior.forgetWeakest(of: ["a1#0"], keeping: 1)   // ["a1#0"]: keeps "refund" (2) only
    /// ```
    @discardableResult
    mutating func forgetWeakest(of keys: some Sequence<String>, keeping capacity: Int) -> [String] {
        guard capacity > 0 else { return [] }
        var pruned: [String] = []
        for key in Set(keys).sorted() {
            guard let byWord = tallies[key], byWord.count > capacity else { continue }
            let words = vocabulary.words(byWord.keys)
            let kept = byWord.keys.indices.sorted { l, r in
                let ls = Self.strength(byWord.values[l]), rs = Self.strength(byWord.values[r])
                return ls != rs ? ls > rs : words[l] < words[r]
            }.prefix(capacity)
            tallies[key] = Words(uniqueIDs: kept.map { (key: byWord.keys[$0], value: byWord.values[$0]) })
            pruned.append(key)
        }
        return pruned
    }

    /// Most words any one sentence holds (0 when the prior is empty).
    var mostWordsPerSentence: Int { tallies.values.map(\.count).max() ?? 0 }

    /// Word entries over all sentences: what the prior's memory grows with.
    var entryCount: Int { tallies.values.reduce(0) { $0 + $1.count } }
}

extension SentencePrior {
    /// Distinct words over all sentences: what the vocabulary holds after a compaction.
    var distinctWords: Int {
        var seen = Set<Int32>()
        for words in tallies.values { seen.formUnion(words.keys) }
        return seen.count
    }
}
