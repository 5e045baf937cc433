extension Distribution {
    /// How many times each value was seen: a stream of counts summarised in memory that grows
    /// with the number of distinct values, not with the stream (`corpus inspect` on a million
    /// tickets keeps a few hundred entries).
    ///
    /// ```swift
    /// var counts = Distribution.Counts()
    /// for v in [3, 1, 3] { counts.add(v) }
    /// Distribution(counts) == Distribution([3, 1, 3])   // true
    /// ```
    public struct Counts: Sendable, Hashable {
        var byValue: [Int: Int] = [:]
        public init() {}
        public mutating func add(_ value: Int) { byValue[value, default: 0] += 1 }
    }

    /// The same statistics as ``init(_:buckets:)`` of the values `counts` holds.
    public init(_ counts: Counts, buckets: Int = 5) {
        let values = counts.byValue.sorted { $0.key < $1.key }
        let n = values.reduce(0) { $0 + $1.value }
        /// The k-th smallest value (1-based), by walking the cumulative counts.
        func kth(_ k: Int) -> Int {
            var seen = 0
            for (v, c) in values {
                seen += c
                if seen >= k { return v }
            }
            return values.last?.key ?? 0
        }
        func rank(_ p: Double) -> Int {
            guard n > 0 else { return 0 }
            return kth(Swift.max(1, Swift.min(n, Int((p * Double(n)).rounded(.up)))))
        }
        var h = [Int](repeating: 0, count: buckets)
        for (v, c) in values { h[Swift.min(Swift.max(v, 0), buckets - 1)] += c }
        self.init(
            count: n, min: values.first?.key ?? 0, median: rank(0.5), p90: rank(0.9), max: values.last?.key ?? 0,
            mean: n == 0 ? 0 : Double(values.reduce(0) { $0 + $1.key * $1.value }) / Double(n), histogram: h)
    }

    init(count: Int, min: Int, median: Int, p90: Int, max: Int, mean: Double, histogram: [Int]) {
        self.count = count
        self.min = min
        self.median = median
        self.p90 = p90
        self.max = max
        self.mean = mean
        self.histogram = histogram
    }
}
