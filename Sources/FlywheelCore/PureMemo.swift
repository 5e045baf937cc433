#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread-safe memo of a *pure* function of a string: the value for a key never depends on
/// when, where or by whom it is asked, so sharing the memo between jobs and threads changes no
/// result. Split into shards (picked by the key's byte length, which costs nothing), each with
/// its own lock, so parallel jobs rarely wait for each other; each shard stops growing at
/// `shardCapacity` entries (later keys are computed without being remembered).
///
/// ```swift
/// let stems = PureMemo<String>(shardCapacity: 25_000) { PorterStemmer.stem($0) }
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
    @usableFromInline let tables: UnsafeMutablePointer<StringTable<Value>>

    public init(shardCapacity: Int, _ compute: @escaping @Sendable (String) -> Value) {
        self.shardCapacity = shardCapacity
        self.compute = compute
        locks = .allocate(capacity: Self.shardCount)
        tables = .allocate(capacity: Self.shardCount)
        for i in 0..<Self.shardCount {
            (locks + i).initialize(to: PaddedLock())
            pthread_mutex_init(Self.mutex(locks + i), nil)
            (tables + i).initialize(to: StringTable())
        }
    }

    deinit {
        for i in 0..<Self.shardCount { pthread_mutex_destroy(Self.mutex(locks + i)) }
        locks.deinitialize(count: Self.shardCount)
        locks.deallocate()
        tables.deinitialize(count: Self.shardCount)
        tables.deallocate()
    }

    /// The mutex at the start of a padded lock (its first stored property).
    @inlinable
    static func mutex(_ lock: UnsafeMutablePointer<PaddedLock>) -> UnsafeMutablePointer<pthread_mutex_t> {
        UnsafeMutableRawPointer(lock).assumingMemoryBound(to: pthread_mutex_t.self)
    }

    /// `compute(key)`, computed at most once per key while there is room.
    @inlinable
    public func value(_ key: String) -> Value {
        let shard = key.utf8.count % Self.shardCount
        let lock = Self.mutex(locks + shard)
        let table = tables + shard
        let hash = StringTable<Value>.hash(key)
        pthread_mutex_lock(lock)
        if let hit = table.pointee.value(key, hash: hash) {
            pthread_mutex_unlock(lock)
            return hit
        }
        pthread_mutex_unlock(lock)
        let value = compute(key)
        pthread_mutex_lock(lock)
        if table.pointee.count < shardCapacity { table.pointee.insert(key, hash: hash, value) }
        pthread_mutex_unlock(lock)
        return value
    }
}
