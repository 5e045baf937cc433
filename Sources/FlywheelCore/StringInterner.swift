/// A thread-safe, process-wide interning of strings as dense `Int32` ids, for hot paths that
/// compare token sets as sorted id lists (``SortedIDs``) instead of `Set<String>`.
///
/// Ids depend on the order strings were first seen — with parallel jobs, on thread timing — so
/// they may only be compared for equality (shared counts, subset tests, table lookups), never used
/// to order anything that reaches a result.
///
/// ```swift
/// let interner = StringInterner()
/// interner.ids(["refund", "host"])   // [0, 1]
/// interner.knownIDs(["host", "pets"]) // [1]
/// ```
public final class StringInterner: Sendable {
    @usableFromInline let table = Locked(StringTable<Int32>())

    public init() {}

    /// The ids of `strings`, in their order (new strings get new ids).
    @inlinable
    public func ids<S: Sequence<String>>(_ strings: S) -> [Int32] {
        table.withLock { table in
            var out: [Int32] = []
            out.reserveCapacity(strings.underestimatedCount)
            for s in strings {
                let hash = StringTable<Int32>.hash(s)
                if let id = table.value(s, hash: hash) {
                    out.append(id)
                } else {
                    let id = Int32(table.count)
                    table.insert(s, hash: hash, id)
                    out.append(id)
                }
            }
            return out
        }
    }

    /// The ids of those of `strings` already interned, in their order.
    @inlinable
    public func knownIDs<S: Sequence<String>>(_ strings: S) -> [Int32] {
        table.withLock { table in
            var out: [Int32] = []
            out.reserveCapacity(strings.underestimatedCount)
            for s in strings { if let id = table[s] { out.append(id) } }
            return out
        }
    }
}

/// Set operations on ascending id lists (from a ``StringInterner``), by merging.
public enum SortedIDs {
    /// |a ∩ b| for ascending lists. The merge steps without
    /// branches on the comparison, which a processor cannot predict for random ids.
    @inlinable
    public static func overlap(_ a: [Int32], _ b: [Int32]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, n = 0
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    n &+= x == y ? 1 : 0
                    i &+= x <= y ? 1 : 0
                    j &+= y <= x ? 1 : 0
                }
                return n
            }
        }
    }

    /// Whether every id of `a` is in `b` (both ascending).
    @inlinable
    public static func isSubset(_ a: [Int32], of b: [Int32]) -> Bool {
        a.count <= b.count && overlap(a, b) == a.count
    }

    /// Sets `mark[j]` for each `b[j]` that `a` also has (both ascending; `mark` as long as `b`).
    @inlinable
    public static func markShared(_ a: [Int32], in b: [Int32], _ mark: inout [Bool]) {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            if x == y { mark[j] = true }
            i &+= x <= y ? 1 : 0
            j &+= y <= x ? 1 : 0
        }
    }
}
