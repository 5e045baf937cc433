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
public final class PureMemo<Value: Sendable>: @unchecked Sendable {
    public static var shardCount: Int { 16 }
    let shardCapacity: Int
    let compute: @Sendable (String) -> Value

    private final class Shard {
        var entries: [String: Value] = [:]
        let lock: UnsafeMutablePointer<pthread_mutex_t>
        init() {
            lock = .allocate(capacity: 1)
            pthread_mutex_init(lock, nil)
        }
        deinit {
            pthread_mutex_destroy(lock)
            lock.deallocate()
        }
    }

    private let shards: [Shard]

    public init(shardCapacity: Int, _ compute: @escaping @Sendable (String) -> Value) {
        self.shardCapacity = shardCapacity
        self.compute = compute
        shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    /// `compute(key)`, computed at most once per key while there is room.
    public func value(_ key: String) -> Value {
        let shard = shards[key.utf8.count % Self.shardCount]
        pthread_mutex_lock(shard.lock)
        if let hit = shard.entries[key] {
            pthread_mutex_unlock(shard.lock)
            return hit
        }
        pthread_mutex_unlock(shard.lock)
        let value = compute(key)
        pthread_mutex_lock(shard.lock)
        if shard.entries.count < shardCapacity { shard.entries[key] = value }
        pthread_mutex_unlock(shard.lock)
        return value
    }
}
