#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread-safe memo of a *pure* function of a string: the value for a key never depends on
/// when, where or by whom it is asked, so sharing the memo between jobs and threads changes no
/// result. Split into shards (picked by the key's byte length, which costs nothing), each with
/// its own lock, so parallel jobs rarely wait for each other.
///
/// Memory is bounded whatever the number of keys asked: each shard keeps two generations of at
/// most `shardCapacity` entries. New entries go into the young generation; when it is full it
/// becomes the old one and the previous old generation is dropped; a hit in the old generation
/// is copied into the young one. So what was asked recently (a window's tickets, every job's
/// held-out tickets, the article sentences replies keep quoting) stays, and a year of tickets
/// never piles up. Values are pure, so what the memo holds never changes a result.
///
/// ```swift
/// let stems = PureMemo<String>(shardCapacity: 25_000) { PorterStemmer.stem($0) }  // ≤ 800k entries
/// stems.value("running")   // "run", computed once
/// ```
///
/// `value(_:)` is inlinable, so callers in other modules get it specialised for their `Value`
/// (unspecialised, each dictionary lookup went through generic metadata and value witnesses).
/// The shards live in manually allocated memory and are reached through a pointer: a lookup
/// retains nothing but the value it returns (a class-held dictionary is retained per read).
/// Each shard is a ``StringTable`` (a cheaper hash than `Dictionary`'s SipHash).
public final class PureMemo<Value: Sendable>: @unchecked Sendable {
    public static var shardCount: Int { 16 }
    @usableFromInline let shardCapacity: Int
    @usableFromInline let compute: @Sendable (String) -> Value

    /// One shard's lock, padded to a cache line so two threads locking neighbouring shards do
    /// not pass the line back and forth.
    @usableFromInline struct PaddedLock {
        @usableFromInline var mutex = pthread_mutex_t()
        var padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    @usableFromInline let locks: UnsafeMutablePointer<PaddedLock>
    /// The young generations (`tables[0..<shardCount]`), then the old ones
    /// (`tables[shardCount..<2 * shardCount]`).
    @usableFromInline let tables: UnsafeMutablePointer<StringTable<Value>>

    /// Most entries the memo holds at once (two generations of every shard).
    public var capacity: Int { 2 * shardCapacity * Self.shardCount }

    public init(shardCapacity: Int, _ compute: @escaping @Sendable (String) -> Value) {
        self.shardCapacity = shardCapacity
        self.compute = compute
        locks = .allocate(capacity: Self.shardCount)
        tables = .allocate(capacity: 2 * Self.shardCount)
        for i in 0..<Self.shardCount {
            (locks + i).initialize(to: PaddedLock())
            pthread_mutex_init(Self.mutex(locks + i), nil)
        }
        for i in 0..<2 * Self.shardCount { (tables + i).initialize(to: StringTable()) }
    }

    deinit {
        for i in 0..<Self.shardCount { pthread_mutex_destroy(Self.mutex(locks + i)) }
        locks.deinitialize(count: Self.shardCount)
        locks.deallocate()
        tables.deinitialize(count: 2 * Self.shardCount)
        tables.deallocate()
    }

    /// The mutex at the start of a padded lock (its first stored property).
    @inlinable
    static func mutex(_ lock: UnsafeMutablePointer<PaddedLock>) -> UnsafeMutablePointer<pthread_mutex_t> {
        UnsafeMutableRawPointer(lock).assumingMemoryBound(to: pthread_mutex_t.self)
    }

    /// `compute(key)`, computed at most once per key while it stays in the memo.
    @inlinable
    public func value(_ key: String) -> Value {
        let shard = key.utf8.count % Self.shardCount
        let lock = Self.mutex(locks + shard)
        let young = tables + shard
        let old = tables + Self.shardCount + shard
        let hash = StringTable<Value>.hash(key)
        pthread_mutex_lock(lock)
        if let hit = young.pointee.value(key, hash: hash) {
            pthread_mutex_unlock(lock)
            return hit
        }
        if let hit = old.pointee.value(key, hash: hash) {
            Self.remember(key, hash: hash, hit, young: young, old: old, capacity: shardCapacity)
            pthread_mutex_unlock(lock)
            return hit
        }
        pthread_mutex_unlock(lock)
        let value = compute(key)
        pthread_mutex_lock(lock)
        Self.remember(key, hash: hash, value, young: young, old: old, capacity: shardCapacity)
        pthread_mutex_unlock(lock)
        return value
    }

    /// Puts an entry into the young generation, first turning a full young generation into the
    /// old one (dropping the old one). Called with the shard's lock held.
    @inlinable
    static func remember(
        _ key: String, hash: UInt64, _ value: Value, young: UnsafeMutablePointer<StringTable<Value>>,
        old: UnsafeMutablePointer<StringTable<Value>>, capacity: Int
    ) {
        if young.pointee.count >= capacity {
            old.pointee = young.pointee
            young.pointee = StringTable()
        }
        young.pointee.insert(key, hash: hash, value)
    }

    /// Entries held now in `shard` (both generations; a key may be in both).
    public func count(shard: Int) -> Int { tables[shard].count + tables[Self.shardCount + shard].count }
}
