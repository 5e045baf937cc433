import FlywheelCore

/// A ``SentencePrior`` compiled for the per-ticket hot path, **by article**: one open-addressing
/// table per article from word id (the prior's ``SentencePrior/Vocabulary``) to the word's
/// evidence in that article, one (position, index) entry per sentence that has the word, the
/// index pointing at the word's tally in that sentence's ``SentencePrior/Words``. A ticket's pool reads each shown article's table once per ticket word — about 8 × 20
/// probes — where a table per sentence took one probe per (sentence, word), ten times as many
/// cache misses in a structure of tens of megabytes.
///
/// The entries are **sparse**: a word costs 4 bytes (position and index, packed) per sentence
/// that has it, nothing for the article's other sentences. (A dense row of `2 × width` tallies per word,
/// zeros included, cost 320 bytes for a word one sentence of a 20-sentence article kept, and
/// grew towards every sentence of every article over a simulated year; see BENCHMARKS.md, growth
/// curves.) The tallies themselves are **not copied**: a table holds its article's sentences'
/// ``SentencePrior/Words`` as the prior holds them, so the two share one copy of every tally
/// (a copy cost 16 bytes an entry, and a fresh compile held it twice at once). The compiled
/// prior's memory is the prior's entry count (``SentencePrior/entryCount``) times 4 bytes plus
/// 12–20 bytes per distinct word of each article (``Table``).
///
/// The ticket's words are visited in ascending string order, as
/// ``SentencePrior/value(key:sortedTokens:)`` does, and each sentence adds its own tallies in
/// that order: the same sums, so the value is bit-for-bit the string-keyed one. (A word the
/// sentence has not adds nothing here where the string-keyed sum skips it too; the sums start
/// at +0.0 and only non-negative tallies are recorded, so neither is ever −0.0.)
///
/// Retraining compiles incrementally (``init(updating:prior:touched:forgotten:cache:)``): only
/// the articles with a sentence that received evidence are rebuilt.
final class CompiledPrior: Sendable {
    /// Per interned prior key (by id, ``ArticleAnalysisCache/priorKeyID(_:)``): its article's
    /// table (−1 when the prior has no evidence for the article) and its sentence position.
    let tableOfKey: [Int32]
    let positionOfKey: [Int32]
    let tables: [Table]
    /// Table index by article id (raw value), for incremental updates.
    let tableOfArticle: [String: Int]
    /// The prior's interning of the words the tables are keyed by (the ids of its
    /// ``SentencePrior/Words``, used as they are). A prior that compacts its vocabulary
    /// (``SentencePrior/compactVocabulary()``) renumbers its words, so it is compiled afresh:
    /// an update needs the base's vocabulary to be the prior's (``canUpdate(to:)``).
    let vocabulary: SentencePrior.Vocabulary

    /// Whether ``init(updating:prior:touched:forgotten:cache:)`` may start from this
    /// compilation for `prior`: their words are numbered alike.
    func canUpdate(to prior: SentencePrior) -> Bool { vocabulary === prior.vocabulary }

    /// One article's evidence: an index of the prior's own per-sentence words by word id. The
    /// tallies are not copied: each sentence's ``SentencePrior/Words`` is held as it is in the
    /// prior (arrays share their storage), and an entry points at a tally by its index there.
    ///
    /// Its size is about 4 bytes an entry and 12–20 a distinct word: the hash slots hold a row
    /// number only (the row's word is in ``rowWords``), and an entry packs its sentence position
    /// and tally index into one `UInt32` (``indexBits``). (Slots of word and row, and an entry
    /// of two `Int32`, were 20–36 bytes a word and 8 an entry.)
    struct Table: Sendable {
        /// Positions 0..<width may have entries (the highest position with evidence + 1).
        var width: Int
        /// Row per slot (−1 when empty); the size is a power of two at least twice the row
        /// count, probed linearly from the home slot of the row's word (``slot(_:_:)``).
        var slots: [Int32]
        /// The word id of each row, ascending.
        var rowWords: [Int32]
        /// Where each row's entries start (one more than the rows, the last is the entry count).
        var starts: [Int32]
        /// Per entry, its sentence position (high bits) and the index of its word's tally in
        /// that sentence's ``SentencePrior/Words`` (the low ``indexBits``); ascending within a
        /// row, as the positions are.
        var entries: [UInt32]
        /// How many low bits of an entry hold the tally index.
        var indexBits: UInt32
        /// Per position 0..<width, the prior's words of that sentence (empty without evidence).
        var sentences: [SentencePrior.Words]

        /// Entries (word, sentence) with evidence.
        var entryCount: Int { entries.count }

        /// The sentence position and the tally index of entry `e`.
        @inline(__always)
        func entry(_ e: Int) -> (position: Int, index: Int) {
            let packed = entries[e]
            return (Int(packed >> indexBits), Int(packed & ((1 << indexBits) - 1)))
        }

        /// The tally of entry `e`.
        @inline(__always)
        func tally(_ e: Int) -> SentencePrior.Tally {
            let (p, i) = entry(e)
            return sentences[p].values[i]
        }
    }

    /// Entries over all tables: the prior's ``SentencePrior/entryCount`` once compiled.
    var entryCount: Int { tables.reduce(0) { $0 + $1.entryCount } }

    /// The whole of `prior`, compiled afresh.
    convenience init(_ prior: SentencePrior, cache: ArticleAnalysisCache) {
        self.init(updating: nil, prior: prior, touched: prior.tallies.keys.sorted(), cache: cache)
    }

    /// `base` (the compilation of the prior before retraining) with the tables of the articles
    /// of the `touched` keys rebuilt from `prior` (whose vocabulary must be the base's,
    /// ``canUpdate(to:)``); without `base`, the tables of those articles alone. The positions of the `forgotten` keys (sentences that lost words,
    /// ``SentencePrior/forgetWeakest(of:keeping:)``) are read anew too, so their tables hold
    /// no entry, and no row, for a word no sentence of theirs still has.
    init(
        updating base: CompiledPrior?, prior: SentencePrior, touched: [String], forgotten: [String] = [],
        cache: ArticleAnalysisCache
    ) {
        precondition(base?.canUpdate(to: prior) ?? true, "a compiled prior updated across a vocabulary compaction")
        var tableOfKey = base?.tableOfKey ?? []
        var positionOfKey = base?.positionOfKey ?? []
        var tables = base?.tables ?? []
        var tableOfArticle = base?.tableOfArticle ?? [:]
        // the touched positions of each touched article
        var touchedByArticle: [String: Set<Int>] = [:]
        for key in touched + forgotten {
            guard let (article, position) = SentencePrior.split(key) else { continue }
            touchedByArticle[article, default: []].insert(position)
        }
        for (article, touchedPositions) in touchedByArticle.sorted(by: { $0.key < $1.key }) {
            let existing = tableOfArticle[article]
            let table = Self.table(
                updating: existing.map { tables[$0] }, positions: touchedPositions,
                tallies: { prior.tallies[SentencePrior.key(article, $0)] })
            let t: Int
            if let existing {
                t = existing
                tables[t] = table
            } else {
                t = tables.count
                tables.append(table)
                tableOfArticle[article] = t
            }
            for p in 0..<table.width {
                let keyID = Int(cache.priorKeyID(SentencePrior.key(article, p)))
                if keyID >= tableOfKey.count {
                    tableOfKey += [Int32](repeating: -1, count: keyID + 1 - tableOfKey.count)
                    positionOfKey += [Int32](repeating: -1, count: keyID + 1 - positionOfKey.count)
                }
                tableOfKey[keyID] = Int32(t)
                positionOfKey[keyID] = Int32(p)
            }
        }
        self.tableOfKey = tableOfKey
        self.positionOfKey = positionOfKey
        self.tables = tables
        self.tableOfArticle = tableOfArticle
        vocabulary = prior.vocabulary
    }

    /// The table of one article: `base` (its previous table, if any) with the entries of the
    /// `positions` read anew from `tallies` (a position's word tallies, nil when it has no
    /// evidence). Only the entries of those positions are read anew; the base's other entries
    /// are copied as numbers. A word left with no entry has no row.
    static func table(
        updating base: Table?, positions: Set<Int>, tallies: (Int) -> SentencePrior.Words?
    ) -> Table {
        typealias Entry = (id: Int32, position: Int32, index: Int32)
        var entries: [Entry] = []
        var sentences: [SentencePrior.Words] = []
        // the base's entries at the positions not read anew
        if let base {
            sentences = base.sentences
            for p in positions where p < sentences.count { sentences[p] = SentencePrior.Words() }
            for (k, id) in base.rowWords.enumerated() {
                for e in Int(base.starts[k])..<Int(base.starts[k + 1]) {
                    let (p, i) = base.entry(e)
                    guard !positions.contains(p) else { continue }
                    entries.append((id, Int32(p), Int32(i)))
                }
            }
        }
        // the positions' entries, by the prior's word ids
        for p in positions.sorted() {
            guard let byWord = tallies(p), !byWord.isEmpty else { continue }
            if p >= sentences.count {
                sentences += repeatElement(SentencePrior.Words(), count: p + 1 - sentences.count)
            }
            sentences[p] = byWord
            for (index, id) in byWord.keys.enumerated() { entries.append((id, Int32(p), Int32(index))) }
        }
        // the width is the highest position with evidence + 1
        while let last = sentences.last, last.isEmpty { sentences.removeLast() }
        // rows in ascending word id, entries in ascending position within a row
        entries.sort { $0.id != $1.id ? $0.id < $1.id : $0.position < $1.position }
        // an entry's bits: enough for the largest tally index, the position above them
        let mostWords = sentences.reduce(0) { max($0, $1.count) }
        let indexBits = UInt32(Int.bitWidth - max(1, mostWords - 1).leadingZeroBitCount)
        let positionBits = UInt32(Int.bitWidth - max(1, sentences.count - 1).leadingZeroBitCount)
        precondition(
            indexBits + positionBits <= 32,
            "a compiled sentence prior cannot pack \(sentences.count) sentences of up to \(mostWords) words each into 32-bit entries; bound the prior's words (system.generator.prior_words)"
        )
        var rowWords: [Int32] = []
        for e in entries.indices where e == 0 || entries[e - 1].id != entries[e].id { rowWords.append(entries[e].id) }
        var size = 4
        while size < 2 * rowWords.count { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var starts: [Int32] = []
        starts.reserveCapacity(rowWords.count + 1)
        var packed: [UInt32] = []
        packed.reserveCapacity(entries.count)
        for (e, entry) in entries.enumerated() {
            if e == 0 || entries[e - 1].id != entry.id {
                var h = slot(entry.id, size)
                while slots[h] >= 0 { h = (h + 1) & (size - 1) }
                slots[h] = Int32(starts.count)
                starts.append(Int32(e))
            }
            packed.append(UInt32(entry.position) << indexBits | UInt32(entry.index))
        }
        starts.append(Int32(entries.count))
        return Table(
            width: sentences.count, slots: slots, rowWords: rowWords, starts: starts, entries: packed,
            indexBits: indexBits, sentences: sentences)
    }

    /// The home slot of word `id` in a table of `size` (a power of two) slots.
    @inline(__always)
    static func slot(_ id: Int32, _ size: Int) -> Int {
        Int((UInt32(bitPattern: id) &* 2_654_435_761) >> 7) & (size - 1)
    }

    /// The ids of the ticket's words (`tokens`, distinct and in ascending string order) any
    /// prior has seen, in that order, the order ``SentencePrior/value(key:sortedTokens:)``
    /// visits them.
    func ticketWords(sorted tokens: [String]) -> [Int32] {
        vocabulary.knownIDs(tokens)
    }

    /// The row of word `w` in `table` (its entries are `starts[row]..<starts[row + 1]`), or nil.
    @inline(__always)
    func row(of w: Int32, in table: Table) -> Int? {
        let mask = table.slots.count - 1
        var h = Self.slot(w, table.slots.count)
        while true {
            let row = table.slots[h]
            if row < 0 { return nil }
            if table.rowWords[Int(row)] == w { return Int(row) }
            h = (h + 1) & mask
        }
    }

    /// ``SentencePrior/value(key:sortedTokens:)`` for the sentence with prior-key id `keyID`,
    /// the ticket's known word ids `words` (from ``ticketWords(sorted:)``) and its number of
    /// distinct words `tokenCount`.
    func value(keyID: Int32, words: [Int32], tokenCount: Int, smoothing: Double) -> Double {
        guard keyID >= 0, Int(keyID) < tableOfKey.count, tableOfKey[Int(keyID)] >= 0 else { return 0 }
        let table = tables[Int(tableOfKey[Int(keyID)])]
        let p = Int(positionOfKey[Int(keyID)])
        var net = 0.0, total = 0.0
        for w in words {
            guard let row = row(of: w, in: table) else { continue }
            // positions ascend within a row, and each appears at most once
            for e in Int(table.starts[row])..<Int(table.starts[row + 1]) {
                let (position, index) = table.entry(e)
                guard position <= p else { break }
                guard position == p else { continue }
                let tally = table.sentences[position].values[index]
                net += tally.positive - tally.negative
                total += tally.positive + tally.negative
                break
            }
        }
        return total == 0 ? 0 : net / (total + smoothing * Double(max(1, tokenCount)))
    }

    /// ``value(keyID:words:tokenCount:smoothing:)`` of the sentences at positions 0..<count of
    /// the article whose first sentence has prior-key id `firstKeyID`, written to `out`: one
    /// probe per word for the whole article.
    func values(
        firstKeyID: Int32, count: Int, words: [Int32], tokenCount: Int, smoothing: Double,
        into out: inout [Double]
    ) {
        out.removeAll(keepingCapacity: true)
        guard firstKeyID >= 0, Int(firstKeyID) < tableOfKey.count, tableOfKey[Int(firstKeyID)] >= 0,
            positionOfKey[Int(firstKeyID)] == 0
        else {
            out.append(contentsOf: repeatElement(0, count: count))
            return
        }
        let table = tables[Int(tableOfKey[Int(firstKeyID)])]
        let n = min(count, table.width)
        // net and total of position p at out[2p] and out[2p + 1] (`out`'s storage as the
        // scratch: no allocation per article once it has grown)
        out.append(contentsOf: repeatElement(0, count: max(count, 2 * n)))
        let indexBits = table.indexBits, indexMask = (UInt32(1) << indexBits) - 1
        table.entries.withUnsafeBufferPointer { entries in
            table.sentences.withUnsafeBufferPointer { sentences in
                out.withUnsafeMutableBufferPointer { sums in
                    for w in words {
                        guard let row = row(of: w, in: table) else { continue }
                        for e in Int(table.starts[row])..<Int(table.starts[row + 1]) {
                            let p = Int(entries[e] >> indexBits)
                            guard p < n else { break }  // ascending within the row
                            // read through a buffer: no load of the tallies' array header for
                            // a bounds check (the index comes from the table built from these
                            // very tallies), one cache miss per entry instead of two
                            let tally = sentences[p].values.withUnsafeBufferPointer {
                                $0[Int(entries[e] & indexMask)]
                            }
                            sums[2 * p] += tally.positive - tally.negative
                            sums[2 * p + 1] += tally.positive + tally.negative
                        }
                    }
                }
            }
        }
        // each value in place, in ascending position: position p reads 2p and 2p + 1, which no
        // earlier position has overwritten (those wrote below p)
        let shrink = smoothing * Double(max(1, tokenCount))
        for p in 0..<count {
            guard p < n, out[2 * p + 1] != 0 else {
                out[p] = 0
                continue
            }
            out[p] = out[2 * p] / (out[2 * p + 1] + shrink)
        }
        out.removeLast(out.count - count)
    }
}

/// Holds a generator's ``CompiledPrior``; a derived cache, so every slot is equal to every
/// other and hashes to nothing (the generator's equality stays that of its learned state).
struct CompiledPriorSlot: Hashable, Sendable {
    var value: CompiledPrior?
    init(_ value: CompiledPrior? = nil) { self.value = value }
    static func == (lhs: CompiledPriorSlot, rhs: CompiledPriorSlot) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
