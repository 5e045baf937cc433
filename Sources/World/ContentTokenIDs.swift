#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A process-wide interning of the judge's content tokens. Ids depend on which texts were
/// tokenised first (so on thread timing), but they are only ever compared with each other —
/// counts of shared ids and subset tests — which do not depend on the numbering.
final class ContentTokenIDs: @unchecked Sendable {
    static let shared = ContentTokenIDs()
    private var ids: [String: Int32] = [:]
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    private init() {
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    /// The ids of `words` and of `numbers` (a subset of `words`), each ascending.
    func ids(_ words: Set<String>, _ numbers: Set<String>) -> ([Int32], [Int32]) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        func intern(_ set: Set<String>) -> [Int32] {
            var out: [Int32] = []
            out.reserveCapacity(set.count)
            for w in set {
                if let id = ids[w] {
                    out.append(id)
                } else {
                    let id = Int32(ids.count)
                    ids[w] = id
                    out.append(id)
                }
            }
            out.sort()
            return out
        }
        return (intern(words), intern(numbers))
    }

    /// |a ∩ b| for ascending id lists.
    static func overlap(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                n += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return n
    }

    /// Whether every id of `a` is in `b` (both ascending).
    static func isSubset(_ a: [Int32], of b: [Int32]) -> Bool {
        a.count <= b.count && overlap(a, b) == a.count
    }
}
