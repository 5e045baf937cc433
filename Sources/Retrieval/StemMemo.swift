#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A process-wide memo of ``PorterStemmer/stem(_:)``, which the analyzer calls for every word
/// of every ticket, article and retraining example. The stem is a pure function of the word, so
/// the memo changes no result. Sharded by word length, one lock per shard; each shard stops
/// growing at `shardCapacity` words (later words are stemmed without being remembered).
final class StemMemo: @unchecked Sendable {
    static let shared = StemMemo()
    static let shardCount = 16
    static let shardCapacity = 25_000

    private final class Shard {
        var stems: [String: String] = [:]
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

    private let shards: [Shard] = (0..<StemMemo.shardCount).map { _ in Shard() }

    /// `PorterStemmer.stem(word)`.
    func stem(_ word: String) -> String {
        let shard = shards[word.utf8.count % Self.shardCount]
        pthread_mutex_lock(shard.lock)
        if let hit = shard.stems[word] {
            pthread_mutex_unlock(shard.lock)
            return hit
        }
        pthread_mutex_unlock(shard.lock)
        let stem = PorterStemmer.stem(word)
        pthread_mutex_lock(shard.lock)
        if shard.stems.count < Self.shardCapacity { shard.stems[word] = stem }
        pthread_mutex_unlock(shard.lock)
        return stem
    }
}
