#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Logistic helpers, with the infinite ends made exact.
enum Probability {
    /// σ(x) = 1 / (1 + e^(−x)); σ(+∞) = 1, σ(−∞) = 0.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// logit(p) = ln(p / (1 − p)); ±∞ at 1 and 0.
    static func logit(_ p: Double) -> Double {
        log(p) - log1p(-p)
    }

    static func clamp(_ x: Double, _ lo: Double = 0, _ hi: Double = 1) -> Double {
        min(hi, max(lo, x))
    }
}
