import FlywheelCore

/// A ``SentencePrior`` compiled for the per-ticket hot path: sentences by interned prior-key id
/// (``ArticleAnalysisCache``) instead of `"article#position"` strings, and ticket words by ids
/// assigned in ascending string order, so each sentence's tallies are a list sorted the way
/// ``SentencePrior/value(key:sortedTokens:)`` visits the ticket's sorted words. Merging the
/// ticket's ids with that list adds the same tallies in the same order: the value is
/// bit-for-bit the string-keyed one.
final class CompiledPrior: Sendable {
    /// Word → id; ids ascend with the words' string order.
    let wordIDs: [String: Int32]
    /// Table index of each interned prior key (by id), −1 when the prior has no evidence for it.
    let tableOfKey: [Int32]
    /// Per sentence: its words' ids (ascending) and tallies.
    let tableWords: [[Int32]]
    let tablePositive: [[Double]]
    let tableNegative: [[Double]]

    init(_ prior: SentencePrior, cache: ArticleAnalysisCache) {
        var words = Set<String>()
        for byWord in prior.tallies.values { words.formUnion(byWord.keys) }
        var ids: [String: Int32] = [:]
        for (i, w) in words.sorted().enumerated() { ids[w] = Int32(i) }
        wordIDs = ids
        var tableOfKey: [Int32] = []
        var tableWords: [[Int32]] = []
        var positive: [[Double]] = []
        var negative: [[Double]] = []
        for key in prior.tallies.keys.sorted() {
            let byWord = prior.tallies[key]!
            let keyID = Int(cache.priorKeyID(key))
            if keyID >= tableOfKey.count { tableOfKey += [Int32](repeating: -1, count: keyID + 1 - tableOfKey.count) }
            tableOfKey[keyID] = Int32(tableWords.count)
            let entries = byWord.map { (id: ids[$0.key]!, tally: $0.value) }.sorted { $0.id < $1.id }
            tableWords.append(entries.map(\.id))
            positive.append(entries.map(\.tally.positive))
            negative.append(entries.map(\.tally.negative))
        }
        self.tableOfKey = tableOfKey
        self.tableWords = tableWords
        self.tablePositive = positive
        self.tableNegative = negative
    }

    /// The ids of those of a ticket's words the prior knows, ascending (the order of the
    /// words' sorted strings).
    func ticketWords(_ tokens: Set<String>) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(tokens.count)
        for t in tokens { if let id = wordIDs[t] { out.append(id) } }
        out.sort()
        return out
    }

    /// ``SentencePrior/value(key:sortedTokens:)`` for the sentence with prior-key id `keyID`,
    /// the ticket's known word ids `words` (from ``ticketWords(_:)``) and its number of
    /// distinct words `tokenCount`.
    func value(keyID: Int32, words: [Int32], tokenCount: Int, smoothing: Double) -> Double {
        guard Int(keyID) < tableOfKey.count, keyID >= 0 else { return 0 }
        let table = Int(tableOfKey[Int(keyID)])
        guard table >= 0 else { return 0 }
        let ids = tableWords[table]
        let pos = tablePositive[table]
        let neg = tableNegative[table]
        var net = 0.0, total = 0.0
        var i = 0, j = 0
        while i < words.count && j < ids.count {
            if words[i] == ids[j] {
                net += pos[j] - neg[j]
                total += pos[j] + neg[j]
                i += 1
                j += 1
            } else if words[i] < ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return total == 0 ? 0 : net / (total + smoothing * Double(max(1, tokenCount)))
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
