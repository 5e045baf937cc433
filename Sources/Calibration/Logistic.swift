#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Logistic helpers and a log that never returns −∞ (a zero-probability observation costs
/// ln 1e-300 ≈ −691 instead of ending the fit).
enum Logistic {
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    static func logit(_ p: Double) -> Double { log(p) - log1p(-p) }

    static func safeLog(_ p: Double) -> Double { log(max(p, 1e-300)) }

    /// The log-likelihood of `k` successes in `n` Bernoulli trials at rate `p`.
    static func bernoulli(_ k: Int, of n: Int, _ p: Double) -> Double {
        (k > 0 ? Double(k) * safeLog(p) : 0) + (n > k ? Double(n - k) * safeLog(1 - p) : 0)
    }

    /// `k / n`, or `fallback` without trials.
    static func rate(_ k: Int, _ n: Int, fallback: Double) -> Double { n > 0 ? Double(k) / Double(n) : fallback }
}
