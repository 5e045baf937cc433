import FlywheelCore

/// A ``SentencePrior`` compiled for the per-ticket hot path, **by article**: one open-addressing
/// table per article from interned word id (``ArticleAnalysisCache/priorWordIDs``) to a row of tallies, one
/// (positive, negative) pair per sentence position of the article. A ticket's pool reads each
/// shown article's table once per ticket word — about 8 × 20 probes — where a table per
/// sentence took one probe per (sentence, word), ten times as many cache misses in a
/// structure of tens of megabytes.
///
/// The ticket's words are visited in ascending string order, as
/// ``SentencePrior/value(key:sortedTokens:)`` does, and each sentence adds its own tallies in
/// that order: the same sums, so the value is bit-for-bit the string-keyed one. (A word the
/// article has but the sentence has not adds +0.0 to both sums, which changes no sum: they
/// start at +0.0 and only non-negative tallies are recorded, so neither is ever −0.0.)
///
/// Retraining compiles incrementally (``init(updating:prior:touched:cache:)``): only the
/// articles with a sentence that received evidence are rebuilt.
final class CompiledPrior: Sendable {
    /// Per interned prior key (by id, ``ArticleAnalysisCache/priorKeyID(_:)``): its article's
    /// table (−1 when the prior has no evidence for the article) and its sentence position.
    let tableOfKey: [Int32]
    let positionOfKey: [Int32]
    let tables: [Table]
    /// Table index by article id (raw value), for incremental updates.
    let tableOfArticle: [String: Int]
    /// The interning of the words the tables are keyed by (the cache's
    /// ``ArticleAnalysisCache/priorWordIDs``).
    let wordIDs: StringInterner

    /// One article's evidence.
    struct Table: Sendable {
        /// Positions 0..<width have a row entry (the highest position with evidence + 1).
        var width: Int
        /// Word id per slot (−1 when empty); the size is a power of two at least twice the
        /// word count, probed linearly.
        var words: [Int32]
        /// Per slot, where its row starts in `tallies`.
        var rows: [Int32]
        /// Rows of `width` (positive, negative) pairs, position by position.
        var tallies: [Double]
    }

    convenience init(_ prior: SentencePrior, cache: ArticleAnalysisCache) {
        self.init(updating: nil, prior: prior, touched: Array(prior.tallies.keys), cache: cache)
    }

    /// `base` (the compilation of the prior before retraining) with the tables of the articles
    /// of the `touched` keys rebuilt from `prior`; without `base`, the tables of those articles
    /// alone. The articles of the `forgotten` keys (sentences that lost words,
    /// ``SentencePrior/forgetWeakest(of:keeping:)``) are compiled afresh, so their tables hold
    /// no row for a word no sentence of theirs still has.
    init(
        updating base: CompiledPrior?, prior: SentencePrior, touched: [String], forgotten: [String] = [],
        cache: ArticleAnalysisCache
    ) {
        precondition(
            base.map { $0.wordIDs === cache.priorWordIDs } ?? true,
            "a compiled prior is updated with the cache it was compiled with")
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
        let afresh = Set(forgotten.compactMap { SentencePrior.split($0)?.article })
        for (article, touchedPositions) in touchedByArticle.sorted(by: { $0.key < $1.key }) {
            let existing = tableOfArticle[article]
            var base = existing.map { tables[$0] }
            var positions = touchedPositions
            if afresh.contains(article) {
                positions.formUnion(0..<(base?.width ?? 0))
                base = nil
            }
            let table = Self.table(
                updating: base, positions: positions,
                tallies: { prior.tallies[SentencePrior.key(article, $0)] }, wordIDs: cache.priorWordIDs)
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
        self.wordIDs = cache.priorWordIDs
    }

    /// The table of one article: `base` (its previous table, if any) with the columns of the
    /// `positions` read anew from `tallies` (a position's word tallies, nil when it has no
    /// evidence). Only the words of those positions are hashed; the other columns are copied
    /// as numbers.
    static func table(
        updating base: Table?, positions: Set<Int>, tallies: (Int) -> [String: SentencePrior.Tally]?,
        wordIDs: StringInterner
    ) -> Table {
        let oldWidth = base?.width ?? 0
        let width = max(oldWidth, (positions.max() ?? -1) + 1)
        // the base's word ids by row
        var ids: [Int32] = []
        if let base {
            ids = [Int32](repeating: -1, count: base.tallies.count / max(1, 2 * oldWidth))
            for h in base.words.indices where base.words[h] >= 0 {
                ids[Int(base.rows[h]) / (2 * oldWidth)] = base.words[h]
            }
        }
        // the touched columns' entries, their words interned (one hash per entry)
        var entries: [(id: Int32, position: Int, tally: SentencePrior.Tally)] = []
        for p in positions.sorted() {
            guard let byWord = tallies(p) else { continue }
            for (id, tally) in zip(wordIDs.ids(byWord.keys), byWord.values) {
                entries.append((id, p, tally))
            }
        }
        var size = 4
        while size < 2 * (ids.count + entries.count) { size <<= 1 }
        var words = [Int32](repeating: -1, count: size)
        var rows = [Int32](repeating: -1, count: size)
        /// The row number of word `id`, added when new.
        func row(_ id: Int32) -> Int {
            var h = slot(id, size)
            while words[h] >= 0 {
                if words[h] == id { return Int(rows[h]) / (2 * width) }
                h = (h + 1) & (size - 1)
            }
            let k = ids.count
            words[h] = id
            rows[h] = Int32(2 * width * k)
            ids.append(id)
            return k
        }
        let oldIDs = ids
        ids = []
        for id in oldIDs { _ = row(id) }  // the base's words keep their row numbers
        let entryRows = entries.map { row($0.id) }
        var out = [Double](repeating: 0, count: 2 * width * ids.count)
        if let base {
            var kept = [Bool](repeating: true, count: oldWidth)
            for p in positions where p < oldWidth { kept[p] = false }
            for k in oldIDs.indices {
                for p in 0..<oldWidth where kept[p] {
                    out[2 * width * k + 2 * p] = base.tallies[2 * oldWidth * k + 2 * p]
                    out[2 * width * k + 2 * p + 1] = base.tallies[2 * oldWidth * k + 2 * p + 1]
                }
            }
        }
        for (e, k) in zip(entries, entryRows) {
            out[2 * width * k + 2 * e.position] = e.tally.positive
            out[2 * width * k + 2 * e.position + 1] = e.tally.negative
        }
        return Table(width: width, words: words, rows: rows, tallies: out)
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
        wordIDs.knownIDs(tokens)
    }

    /// The row of word `w` in `table` (an index into its `tallies`), or nil.
    @inline(__always)
    func row(of w: Int32, in table: Table) -> Int? {
        let mask = table.words.count - 1
        var h = Self.slot(w, table.words.count)
        while true {
            let id = table.words[h]
            if id == w { return Int(table.rows[h]) }
            if id < 0 { return nil }
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
            let positive = table.tallies[row + 2 * p], negative = table.tallies[row + 2 * p + 1]
            net += positive - negative
            total += positive + negative
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
        // net and total of position p at 2p and 2p + 1
        var sums = [Double](repeating: 0, count: 2 * n)
        table.tallies.withUnsafeBufferPointer { tallies in
            for w in words {
                guard let row = row(of: w, in: table) else { continue }
                for p in 0..<n {
                    let positive = tallies[row + 2 * p], negative = tallies[row + 2 * p + 1]
                    sums[2 * p] += positive - negative
                    sums[2 * p + 1] += positive + negative
                }
            }
        }
        let shrink = smoothing * Double(max(1, tokenCount))
        for p in 0..<count {
            guard p < n, sums[2 * p + 1] != 0 else {
                out.append(0)
                continue
            }
            out.append(sums[2 * p] / (sums[2 * p + 1] + shrink))
        }
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
