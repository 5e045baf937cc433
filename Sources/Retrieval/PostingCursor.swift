/// One query term's postings as a cursor (``FlatPostings/sums(_:idfs:documents:)``): documents ascending, their
/// impacts, the term's weight (impact × weight is the term's share of a document's score) and an
/// upper bound on that share.
struct PostingCursor {
    var docs: UnsafePointer<Int32>
    var impacts: UnsafePointer<Float>
    var count: Int
    var weight: Float
    var bound: Double
    var position = 0

    @inline(__always) var current: Int32 { position < count ? docs[position] : Int32.max }

    /// Moves to the first posting with a document ≥ `doc` (galloping, then bisection).
    @inline(__always)
    mutating func advance(to doc: Int32) {
        guard position < count, docs[position] < doc else { return }
        var low = position
        var step = 1
        var high = position + 1
        while high < count && docs[high] < doc {
            low = high
            step &<<= 1
            high = position + step
        }
        high = min(high, count)
        // docs[low] < doc; the answer is in (low, high].
        var lo = low + 1
        var hi = high
        while lo < hi {
            let mid = (lo + hi) >> 1
            if docs[mid] < doc { lo = mid + 1 } else { hi = mid }
        }
        position = lo
    }

    /// This term's share of `doc`'s score, or nil when `doc` lacks the term (after
    /// ``advance(to:)``).
    @inline(__always) func share(of doc: Int32) -> Float? {
        position < count && docs[position] == doc ? weight * impacts[position] : nil
    }
}
