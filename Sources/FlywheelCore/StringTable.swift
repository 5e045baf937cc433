/// A string-keyed hash table for hot paths (``PureMemo``, ``StringInterner``, the generator's
/// analysis cache): open addressing, linear probing, the key's hash stored beside it.
/// `Dictionary<String, _>` hashes with SipHash, whose per-call set-up and finalisation cost more
/// than the rest of a lookup of a word or a sentence; this table hashes the UTF-8 bytes eight at
/// a time (``hash(_:)``). The hash only places keys — equal keys are found by comparing strings
/// — so its quality changes speed, never a value. Keys are never removed.
///
/// ```swift
/// var ids = StringTable<Int32>()
/// ids["refund"] = 0
/// ids["refund"]   // 0
/// ids["host"]     // nil
/// ```
public struct StringTable<Value> {
    /// Per slot: the key's hash with the low bit set (0 marks an empty slot).
    @usableFromInline var hashes: [UInt64]
    @usableFromInline var keys: [String]
    @usableFromInline var values: [Value?]
    @usableFromInline var count = 0

    public init() {
        hashes = [UInt64](repeating: 0, count: 16)
        keys = [String](repeating: "", count: 16)
        values = [Value?](repeating: nil, count: 16)
    }

    /// The value for `key`; setting stores or replaces it (nil may not be stored).
    @inlinable
    public subscript(key: String) -> Value? {
        get { value(key, hash: Self.hash(key)) }
        set {
            guard let newValue else { preconditionFailure("StringTable keys are never removed") }
            update(key, hash: Self.hash(key), newValue)
        }
    }

    /// The slot holding `key` (whose ``hash(_:)`` is `hash`), or the empty slot where it
    /// would go.
    @inlinable
    func slot(of key: String, hash: UInt64) -> (index: Int, found: Bool) {
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let h = hashes[i]
            if h == 0 { return (i, false) }
            if h == hash && keys[i] == key { return (i, true) }
            i = (i + 1) & mask
        }
    }

    /// The value stored for `key` (whose ``hash(_:)`` is `hash`).
    @inlinable
    public func value(_ key: String, hash: UInt64) -> Value? {
        let (i, found) = slot(of: key, hash: hash)
        return found ? values[i] : nil
    }

    /// Stores `value` for `key` (whose ``hash(_:)`` is `hash`), replacing any value it had.
    @inlinable
    public mutating func update(_ key: String, hash: UInt64, _ value: Value) {
        store(key, hash: hash, value, replacing: true)
    }

    /// Stores `value` for `key` unless the table has it.
    @inlinable
    public mutating func insert(_ key: String, hash: UInt64, _ value: Value) {
        store(key, hash: hash, value, replacing: false)
    }

    /// Stores `value` for a new `key`, or for a known one when `replacing`; grows at half load.
    @inlinable
    mutating func store(_ key: String, hash: UInt64, _ value: Value, replacing: Bool) {
        if 2 * (count + 1) > hashes.count { grow() }
        let (i, found) = slot(of: key, hash: hash)
        if found {
            if replacing { values[i] = value }
            return
        }
        hashes[i] = hash
        keys[i] = key
        values[i] = value
        count += 1
    }

    @usableFromInline
    mutating func grow() {
        let old = (hashes, keys, values)
        let size = hashes.count * 2
        hashes = [UInt64](repeating: 0, count: size)
        keys = [String](repeating: "", count: size)
        values = [Value?](repeating: nil, count: size)
        count = 0
        for i in old.0.indices where old.0[i] != 0 { insert(old.1[i], hash: old.0[i], old.2[i]!) }
    }

    /// A 64-bit hash of `key`'s UTF-8 bytes, low bit set: eight bytes per multiply, then a
    /// final avalanche (MurmurHash3's fmix64).
    @inlinable
    public static func hash(_ key: String) -> UInt64 {
        let h =
            key.utf8.withContiguousStorageIfAvailable { hash(bytes: UnsafeRawBufferPointer($0)) }
            ?? Array(key.utf8).withUnsafeBytes { hash(bytes: $0) }
        return h | 1
    }

    @inlinable
    public static func hash(bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = wordMix(bytes: bytes)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// ``hash(bytes:)`` before its avalanche: the bytes eight at a time, each word (the last one
    /// zero-padded) mixed in with a multiply and a fold, the length seeding it so padding cannot
    /// collide two keys. For a table that spreads the result itself (``TermTable``'s Fibonacci
    /// slots), this is the whole hash.
    @inlinable
    public static func wordMix(bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(truncatingIfNeeded: bytes.count) &* k
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return (h ^ tail) &* k
    }
}
