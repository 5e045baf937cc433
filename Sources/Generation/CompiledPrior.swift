import FlywheelCore

/// A ``SentencePrior`` compiled for the per-ticket hot path: sentences by interned prior-key id
/// (``ArticleAnalysisCache``) instead of `"article#position"` strings, and each sentence's
/// tallies in a small open-addressing hash table by interned word id (``PriorWordIDs``). The
/// ticket's words are visited in ascending string order, as
/// ``SentencePrior/value(key:sortedTokens:)`` does: the same tallies added in the same order, so
/// the value is bit-for-bit the string-keyed one.
///
/// Retraining compiles incrementally (``init(updating:prior:touched:cache:)``): only the
/// sentences that received evidence are rebuilt.
final class CompiledPrior: Sendable {
    /// Table index of each interned prior key (by id), −1 when the prior has no evidence for it.
    let tableOfKey: [Int32]
    /// Per sentence, an open-addressing hash table from word id to tally (word −1 when empty);
    /// its size is a power of two at least twice the entry count, probed linearly.
    let tables: [[Slot]]
    /// Per table, a 256-bit signature of its words (4 words at `4t`): a ticket word whose bit
    /// (``signatureBit(_:)``) is clear is not in the table, and the table (tens of megabytes in
    /// all, so mostly out of cache) is not touched for it.
    let signatures: [UInt64]

    struct Slot {
        var word: Int32 = -1
        var positive: Double = 0
        var negative: Double = 0
    }

    convenience init(_ prior: SentencePrior, cache: ArticleAnalysisCache) {
        self.init(updating: nil, prior: prior, touched: Array(prior.tallies.keys), cache: cache)
    }

    /// `base` (the compilation of the prior before retraining) with the tables of the
    /// `touched` keys rebuilt from `prior`; without `base`, the tables of `touched` alone.
    init(updating base: CompiledPrior?, prior: SentencePrior, touched: [String], cache: ArticleAnalysisCache) {
        var tableOfKey = base?.tableOfKey ?? []
        var tables = base?.tables ?? []
        var signatures = base?.signatures ?? []
        for key in Set(touched).sorted() {
            guard let byWord = prior.tallies[key] else { continue }
            let keyID = Int(cache.priorKeyID(key))
            if keyID >= tableOfKey.count { tableOfKey += [Int32](repeating: -1, count: keyID + 1 - tableOfKey.count) }
            let ids = PriorWordIDs.shared.ids(byWord.keys)
            var size = 4
            while size < 2 * ids.count { size <<= 1 }
            var slots = [Slot](repeating: Slot(), count: size)
            var signature: [UInt64] = [0, 0, 0, 0]
            for (id, tally) in zip(ids, byWord.values) {
                var h = Self.slot(id, size)
                while slots[h].word >= 0 { h = (h + 1) & (size - 1) }
                slots[h] = Slot(word: id, positive: tally.positive, negative: tally.negative)
                let bit = Self.signatureBit(id)
                signature[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            let t: Int
            if tableOfKey[keyID] >= 0 {
                t = Int(tableOfKey[keyID])
                tables[t] = ids.isEmpty ? [] : slots
            } else {
                t = tables.count
                tableOfKey[keyID] = Int32(t)
                tables.append(ids.isEmpty ? [] : slots)
                signatures += [0, 0, 0, 0]
            }
            for k in 0..<4 { signatures[4 * t + k] = signature[k] }
        }
        self.tableOfKey = tableOfKey
        self.tables = tables
        self.signatures = signatures
    }

    /// The bit (0..<256) of word `id` in a table signature.
    @inline(__always)
    static func signatureBit(_ id: Int32) -> Int {
        Int((UInt32(bitPattern: id) &* 0x9E37_79B1) >> 24)
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
        PriorWordIDs.shared.knownIDs(tokens)
    }

    /// Each of `words`' ``signatureBit(_:)``: the word index (0..<4) in the high bits, the
    /// mask in the low ones, as (index, mask) pairs.
    func signatureMasks(_ words: [Int32]) -> [(index: Int, mask: UInt64)] {
        words.map {
            let bit = Self.signatureBit($0)
            return (bit >> 6, 1 << UInt64(bit & 63))
        }
    }

    /// ``SentencePrior/value(key:sortedTokens:)`` for the sentence with prior-key id `keyID`,
    /// the ticket's known word ids `words` (from ``ticketWords(sorted:)``) and its number of
    /// distinct words `tokenCount`.
    func value(
        keyID: Int32, words: [Int32], masks: [(index: Int, mask: UInt64)], tokenCount: Int, smoothing: Double
    ) -> Double {
        guard Int(keyID) < tableOfKey.count, keyID >= 0 else { return 0 }
        let table = Int(tableOfKey[Int(keyID)])
        guard table >= 0 else { return 0 }
        var any = false
        for m in masks where signatures[4 * table + m.index] & m.mask != 0 {
            any = true
            break
        }
        guard any else { return 0 }
        let slots = tables[table]
        guard !slots.isEmpty else { return 0 }
        let size = slots.count
        var net = 0.0, total = 0.0
        slots.withUnsafeBufferPointer { slots in
            for (i, w) in words.enumerated() where signatures[4 * table + masks[i].index] & masks[i].mask != 0 {
                var h = Self.slot(w, size)
                while true {
                    let id = slots[h].word
                    if id == w {
                        net += slots[h].positive - slots[h].negative
                        total += slots[h].positive + slots[h].negative
                        break
                    }
                    if id < 0 { break }
                    h = (h + 1) & (size - 1)
                }
            }
        }
        return total == 0 ? 0 : net / (total + smoothing * Double(max(1, tokenCount)))
    }
}

/// The process-wide interning of the ticket words sentence priors record (a
/// ``StringInterner``). Ids depend on the order words were first seen (thread timing), but they
/// are only compared for equality and used to look tallies up, never to order a sum.
enum PriorWordIDs {
    static let shared = StringInterner()
}

/// Holds a generator's ``CompiledPrior``; a derived cache, so every slot is equal to every
/// other and hashes to nothing (the generator's equality stays that of its learned state).
struct CompiledPriorSlot: Hashable, Sendable {
    var value: CompiledPrior?
    init(_ value: CompiledPrior? = nil) { self.value = value }
    static func == (lhs: CompiledPriorSlot, rhs: CompiledPriorSlot) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
