/// Binomial tail probabilities, for tests of "more often than chance".
public enum Binomial {
    /// P(X ≥ k) for X ~ Binomial(n, p): 1 when k ≤ 0, 0 when k > n; otherwise the regularised
    /// incomplete beta I_p(k, n − k + 1) (Abramowitz & Stegun 26.5.24).
    public static func upperTail(atLeast k: Int, of n: Int, p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        return IncompleteBeta.regularized(x: p, a: Double(k), b: Double(n - k + 1))
    }
}
