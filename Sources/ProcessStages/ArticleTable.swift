import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The article ids a reply may name, found by their UTF-8 bytes: the reply scanner turns an id
/// on the wire into the ``ArticleID`` Flywheel already holds (no new `String` per entry) and
/// its slot, by which the checks of a list (allowed, not twice) are array look-ups. An
/// open-addressing hash table over the ids' bytes (FNV-1a), built once per set of articles.
final class ArticleTable: Sendable {
    /// The distinct ids, in the order first given; a slot is an index into it.
    let ids: [ArticleID]
    /// Every id's bytes, one after the other; id k is `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Slot + 1 per bucket, 0 for an empty one; a power of two at least twice the ids.
    private let buckets: [Int32]

    init(_ articles: some Sequence<ArticleID>) {
        var ids: [ArticleID] = []
        var bytes: [UInt8] = []
        var starts = [0]
        var buckets = [Int32](repeating: 0, count: 16)
        func find(_ id: [UInt8], in buckets: [Int32]) -> (bucket: Int, slot: Int?) {
            let mask = buckets.count - 1
            var b = Self.hash(id) & mask
            while buckets[b] != 0 {
                let k = Int(buckets[b]) - 1
                if bytes[starts[k]..<starts[k + 1]].elementsEqual(id) { return (b, k) }
                b = (b + 1) & mask
            }
            return (b, nil)
        }
        for article in articles {
            let id = Array(article.rawValue.utf8)
            if ids.count * 2 >= buckets.count {
                buckets = [Int32](repeating: 0, count: buckets.count * 2)
                for k in ids.indices {
                    let (b, _) = find(Array(bytes[starts[k]..<starts[k + 1]]), in: buckets)
                    buckets[b] = Int32(k + 1)
                }
            }
            let (b, existing) = find(id, in: buckets)
            guard existing == nil else { continue }
            ids.append(article)
            bytes += id
            starts.append(bytes.count)
            buckets[b] = Int32(ids.count)
        }
        self.ids = ids
        self.bytes = bytes
        self.starts = starts
        self.buckets = buckets
    }

    var count: Int { ids.count }

    /// The slot of the id whose UTF-8 bytes are `id`, nil when the table lacks it.
    func slot(of id: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = buckets.count - 1
        var b = Self.hash(id) & mask
        return bytes.withUnsafeBufferPointer { all in
            while true {
                let k = Int(buckets[b]) - 1
                if k < 0 { return nil }
                let start = starts[k]
                let length = starts[k + 1] - start
                if length == id.count, length == 0 || memcmp(all.baseAddress! + start, id.baseAddress!, length) == 0 {
                    return k
                }
                b = (b + 1) & mask
            }
        }
    }

    /// The slot of `id`, nil when the table lacks it.
    func slot(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { slot(of: $0) }
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
