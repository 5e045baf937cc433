#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `log(Double(rank))` for the ranks a reranker sees, from a table: the reranker needs it twice
/// per candidate (a feature and the rank prior), 150 calls per ticket. The table holds the
/// very values `log` returns, so results are bit-for-bit the same.
enum RankLogarithm {
    static let table: [Double] = (0..<1024).map { log(Double($0)) }

    /// `log(Double(rank))`.
    @inline(__always)
    static func of(_ rank: Int) -> Double {
        rank >= 0 && rank < table.count ? table[rank] : log(Double(rank))
    }
}
