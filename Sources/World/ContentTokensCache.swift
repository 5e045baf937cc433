#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A memo of ``ContentTokens`` by text, for the texts the judge sees again and again: article
/// sentences (replies are extractive, and every reply is judged several times — by the agent,
/// by the quality filter's audit, by evaluation) and nugget texts (shared by many tickets).
///
/// A pure memo: the tokens of a text never depend on when or by whom they were asked, so
/// sharing it between judges and between threads changes no result. Split into
/// shards (picked by the text's byte length, which costs nothing) each with its own lock, so
/// parallel jobs rarely wait for each other; each shard stops growing at ``shardCapacity``.
final class ContentTokensCache: @unchecked Sendable {
    /// The one memo all judges share.
    static let shared = ContentTokensCache()
    static let shardCount = 16
    static let shardCapacity = 50_000

    private final class Shard {
        var entries: [String: ContentTokens] = [:]
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

    private let shards: [Shard] = (0..<ContentTokensCache.shardCount).map { _ in Shard() }

    /// `ContentTokens(text)`, computed at most once per text while there is room.
    func tokens(_ text: String) -> ContentTokens {
        let shard = shards[text.utf8.count % Self.shardCount]
        pthread_mutex_lock(shard.lock)
        if let hit = shard.entries[text] {
            pthread_mutex_unlock(shard.lock)
            return hit
        }
        pthread_mutex_unlock(shard.lock)
        let tokens = ContentTokens(text)
        pthread_mutex_lock(shard.lock)
        if shard.entries.count < Self.shardCapacity { shard.entries[text] = tokens }
        pthread_mutex_unlock(shard.lock)
        return tokens
    }
}
