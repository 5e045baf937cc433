import FlywheelCore

/// A map from analyzed terms to dense term ids (0, 1, 2, … in insertion order), for the query
/// hot path: every query token is looked up once.
///
/// `Dictionary<String, Int32>` hashes each key with SipHash-1-3 through `Hasher`, which costs more
/// than the rest of a lookup for short words. This table hashes the UTF-8 bytes eight at a time
/// (``hash(_:)``), finds the slot by Fibonacci hashing in an open-addressing table kept at most half
/// full, and confirms a hit by comparing the stored hash and then the bytes. Ids never change
/// once given; nothing here depends on `Hasher`'s per-process seed.
///
/// ```swift
/// var table = TermTable()
/// table.insert("refund")          // 0
/// table["refund"]                 // 0
/// table["parcel"]                 // nil
/// ```
package struct TermTable: Sendable {
    /// Term id per slot, -1 when empty; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var shift: UInt64 = 60  // 64 − log2(slots.count)
    /// Per term id: its hash, and where its bytes start in `bytes` (`starts[id + 1]` is the end).
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []

    package init() {}

    /// The number of terms.
    package var count: Int { hashes.count }

    /// The id of `term`, or nil when it was never inserted.
    package subscript(term: String) -> Int32? {
        if let found = term.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found }
        return Array(term.utf8).withUnsafeBufferPointer { find($0) }
    }

    /// The id of the term whose UTF-8 bytes are `key`, or nil when it was never inserted.
    package subscript(bytes key: UnsafeBufferPointer<UInt8>) -> Int32? { find(key) }

    /// Inserts `term` if new and returns its id.
    @discardableResult
    package mutating func insert(_ term: String) -> Int32 {
        if let id = self[term] { return id }
        let utf8 = Array(term.utf8)
        let hash = utf8.withUnsafeBufferPointer { Self.hash($0) }
        let id = Int32(hashes.count)
        hashes.append(hash)
        bytes.append(contentsOf: utf8)
        starts.append(bytes.count)
        if 2 * hashes.count > slots.count { grow() } else { place(id, hash: hash) }
        return id
    }

    /// The known terms of `terms` as (term id, times it occurs), in term-id order: a query's
    /// terms for BM25 and the learned fields.
    ///
    /// When the vocabulary's bitmap is small next to the query (always, for the knowledge bases
    /// Flywheel sees), the ids are marked in a bitmap and read back in order, instead of sorting
    /// the query's ids.
    func counts(of terms: [String]) -> [(term: Int32, count: Int)] {
        let words = (count + 63) / 64
        guard words <= 4 * terms.count + 16 else { return countsBySorting(of: terms) }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(words, 1)) { bits in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { counts in
                bits.initialize(repeating: 0)
                var distinct = 0
                for term in terms {
                    guard let id = self[term] else { continue }
                    let word = Int(id) >> 6
                    let bit = UInt64(1) << UInt64(id & 63)
                    if bits[word] & bit == 0 {
                        bits[word] |= bit
                        counts[Int(id)] = 1  // first sight: the count is initialized here
                        distinct += 1
                    } else {
                        counts[Int(id)] += 1
                    }
                }
                var result: [(term: Int32, count: Int)] = []
                result.reserveCapacity(distinct)
                for word in 0..<words {
                    var remaining = bits[word]
                    while remaining != 0 {
                        let id = word &* 64 &+ remaining.trailingZeroBitCount
                        result.append((Int32(id), Int(counts[id])))
                        remaining &= remaining &- 1
                    }
                }
                return result
            }
        }
    }

    /// ``counts(of:)`` by sorting the query's ids (for vocabularies far larger than queries).
    func countsBySorting(of terms: [String]) -> [(term: Int32, count: Int)] {
        var ids: [Int32] = []
        ids.reserveCapacity(terms.count)
        for term in terms { if let id = self[term] { ids.append(id) } }
        ids.sort()
        var result: [(term: Int32, count: Int)] = []
        for id in ids {
            if let last = result.last, last.term == id {
                result[result.count - 1].count += 1
            } else {
                result.append((id, 1))
            }
        }
        return result
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == hash && equal(id, key) { return id }
                slot = (slot &+ 1) & mask
            }
        }
    }

    private func equal(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(id)]
        let end = starts[Int(id) + 1]
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            // Eight bytes at a time, then the rest one by one.
            let a = UnsafeRawPointer(stored.baseAddress! + start)
            guard let b = key.baseAddress.map(UnsafeRawPointer.init) else { return true }
            let whole = key.count & ~7
            var i = 0
            while i < whole {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                {
                    return false
                }
                i &+= 8
            }
            while i < key.count {
                if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) {
                    return false
                }
                i &+= 1
            }
            return true
        }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        shift -= 1
        for id in hashes.indices { place(Int32(id), hash: hashes[id]) }
    }

    /// A 64-bit hash of the UTF-8 bytes, eight at a time (``StringTable/wordMix(bytes:)``, the
    /// string table's hash before its avalanche: the Fibonacci slots spread it). Most terms fit
    /// one word, so a lookup costs a multiply chain of a step or two instead of FNV-1a's one
    /// multiply per byte. Only slot placement depends on it: ids are given in insertion order
    /// whatever the hash.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        StringTable<Int32>.wordMix(bytes: UnsafeRawBufferPointer(key))
    }
}

/// Article id → internal document number, on a ``TermTable`` over the ids' text: documents are
/// numbered in publication order, exactly the table's dense ids, and a lookup (75 per ticket in
/// the reranker) avoids `Dictionary`'s SipHash.
struct DocumentNumbers: Sendable {
    private var table = TermTable()

    /// The document number of `id`, or nil when it is not published.
    subscript(id: ArticleID) -> Int32? { table[id.rawValue] }

    /// Numbers `id` (the next number when new) and returns its number.
    @discardableResult
    mutating func insert(_ id: ArticleID) -> Int32 { table.insert(id.rawValue) }
}
