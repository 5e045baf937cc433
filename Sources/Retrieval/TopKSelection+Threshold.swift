extension TopKSelection {
    /// A threshold t > 0 that at least `k` lane maxima reach (each a different document's
    /// score, so at least `k` documents score ≥ t), given the top 16 bits of every lane maximum
    /// (`high`, one vector per group of 64 documents), how many lane maxima are above 0, and the
    /// largest one's.
    ///
    /// The bisection runs over t's top 16 bits T (t = T · 2¹⁶ as a bit pattern), where it stops
    /// once k to k + ``slack`` lane maxima reach T. For scores ≥ 0 the bit patterns are ordered
    /// as the values, so a lane maximum reaches t exactly when its top 16 bits reach T: the
    /// counts are 16-bit integer compares, 8 lanes to an SSE register where 32-bit float ones
    /// took two. The bracket is first found down from the largest lane maximum, one binade
    /// (0x80 in the top 16 bits), then two, four, … below it: the k-th largest is usually within
    /// a binade or two of the largest, where bisecting from 0 spent about six steps on exponents
    /// no top-k score has; then at most 7–8 bisection steps per binade of bracket. Returns the
    /// least positive Float when few lane maxima are positive (the gather then takes every positive).
    static func threshold(high: UnsafeBufferPointer<SIMD8<Int16>>, positive: Int, maximumHigh: Int16, k: Int) -> Float {
        guard positive > k + slack else { return .leastNonzeroMagnitude }
        // count(low) ≥ k (low 0 stands for the least positive Float: `positive` lanes), count(high) < k.
        var low: Int32 = 0
        var upper = Int32(maximumHigh) + 1
        let top = upper
        var drop: Int32 = 0x80
        while top - drop > 0 {
            let c = countAtLeast(Int16(top - drop), in: high)
            if c >= k {
                low = top - drop
                if c <= k + slack { return Float(bitPattern: UInt32(low) << 16) }
                break
            }
            upper = top - drop
            drop <<= 1
        }
        while upper - low > 1 {
            let mid = (low + upper) / 2
            let c = countAtLeast(Int16(mid), in: high)
            if c >= k {
                low = mid
                if c <= k + slack { break }
            } else {
                upper = mid
            }
        }
        return low == 0 ? .leastNonzeroMagnitude : Float(bitPattern: UInt32(low) << 16)
    }

    /// The lanes of `high` at or above `t`, 8 lanes at a time (a reached lane's compare is −1,
    /// subtracted), in 16-bit lane counts widened every 32,767 vectors. Four counts take turns,
    /// so consecutive vectors' adds do not wait on each other (one count chained every add and
    /// bound the loop by the add's latency).
    @inline(__always)
    private static func countAtLeast(_ t: Int16, in high: UnsafeBufferPointer<SIMD8<Int16>>) -> Int {
        let threshold = SIMD8<Int16>(repeating: t)
        let zero = SIMD8<Int16>(repeating: 0)
        @inline(__always) func reached(_ i: Int) -> SIMD8<Int16> {
            zero.replacing(with: -1, where: high[i] .>= threshold)
        }
        var total = 0
        var start = 0
        while start < high.count {
            let end = min(start &+ Int(Int16.max), high.count)
            var c0 = zero
            var c1 = zero
            var c2 = zero
            var c3 = zero
            var i = start
            while i &+ 4 <= end {
                c0 &-= reached(i)
                c1 &-= reached(i &+ 1)
                c2 &-= reached(i &+ 2)
                c3 &-= reached(i &+ 3)
                i &+= 4
            }
            while i < end {
                c0 &-= reached(i)
                i &+= 1
            }
            let c = (c0 &+ c1) &+ (c2 &+ c3)
            for j in 0..<8 { total &+= Int(UInt16(bitPattern: c[j])) }
            start = end
        }
        return total
    }
}
