/// A ticket's interned token ids as a bit set, for counting the tokens each candidate sentence
/// shares with the ticket (``ArticleAnalysis/tokenCounts(sharedWith:counts:shared:)``).
///
/// A sorted merge of a sentence's ids with the ticket's advances one of two cursors per step,
/// each step waiting on the loads of the one before, about 30 dependent steps per sentence; a
/// bit test per sentence token has no such chain, and the set — one bit per id up to the
/// ticket's largest, a few hundred bytes — stays in the first-level cache for the whole pool.
/// Counts are integers, so the two agree exactly.
struct TokenBits {
    /// Bit `id` of the ticket's ids; one more, all-zero word past the largest id, where ids above
    /// it are sent (``count(in:)``) instead of being tested by a branch.
    private let words: [UInt64]
    /// The first bit of the all-zero last word.
    private let outside: Int

    /// The set of `ids` (non-negative).
    init(_ ids: [Int32]) {
        let largest = Int(ids.max() ?? 0)
        var words = [UInt64](repeating: 0, count: largest / 64 + 2)
        for id in ids { words[Int(id) / 64] |= 1 << UInt64(Int(id) % 64) }
        self.words = words
        outside = (words.count - 1) * 64
    }

    /// How many of `ids` (distinct, non-negative) are in the set.
    @inline(__always)
    func count(in ids: UnsafeBufferPointer<Int32>) -> Int {
        words.withUnsafeBufferPointer { words in
            var n = 0
            for id in ids {
                let bit = min(Int(id), outside)
                n &+= Int(truncatingIfNeeded: words[bit &>> 6] &>> UInt64(bit & 63)) & 1
            }
            return n
        }
    }
}
