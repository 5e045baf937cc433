#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pearson's chi-square test of homogeneity for two samples of counts over the same categories.
public struct ChiSquareTest: Sendable, Hashable {
    public var statistic: Double
    public var degreesOfFreedom: Int
    public var pValue: Double
    /// The smallest expected count of a cell (the approximation wants about 5 or more).
    public var minExpected: Double

    /// Compares `a` and `b` (counts per category); categories empty in both are dropped. With
    /// fewer than two categories left, or an empty sample, the test is trivially passed (p = 1).
    public init(_ a: [Int], _ b: [Int]) {
        let columns = zip(a, b).filter { $0.0 + $0.1 > 0 }
        let na = Double(columns.reduce(0) { $0 + $1.0 })
        let nb = Double(columns.reduce(0) { $0 + $1.1 })
        guard columns.count >= 2, na > 0, nb > 0 else {
            (statistic, degreesOfFreedom, pValue, minExpected) = (0, 0, 1, 0)
            return
        }
        let n = na + nb
        var x2 = 0.0
        var smallest = Double.infinity
        for (ca, cb) in columns {
            let total = Double(ca + cb)
            for (observed, rowTotal) in [(Double(ca), na), (Double(cb), nb)] {
                let expected = rowTotal * total / n
                smallest = min(smallest, expected)
                x2 += (observed - expected) * (observed - expected) / expected
            }
        }
        statistic = x2
        degreesOfFreedom = columns.count - 1
        pValue = Self.upperTail(x2, degreesOfFreedom: columns.count - 1)
        minExpected = smallest
    }

    /// P(χ²_df ≥ x) = Q(df/2, x/2), the regularised upper incomplete gamma function.
    public static func upperTail(_ x: Double, degreesOfFreedom df: Int) -> Double {
        guard x > 0 else { return 1 }
        return regularisedUpperGamma(a: Double(df) / 2, x: x / 2)
    }

    /// Q(a, x) by the series for P when x < a + 1, else Lentz's continued fraction.
    static func regularisedUpperGamma(a: Double, x: Double) -> Double {
        let logPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, exp(logPrefix) * h)
    }
}
