#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Student's t distribution with `degreesOfFreedom` ν > 0, implemented here (no dependency).
///
/// The CDF is F(t) = 1 − I_{ν/(ν+t²)}(ν/2, 1/2)/2 for t ≥ 0 (Abramowitz & Stegun 26.7.1 with
/// 26.5.27), symmetric for t < 0. The quantile inverts it by safeguarded Newton steps inside a
/// bracket, to about 1e-12 relative; ν = 1 and ν = 2 use their closed forms.
///
/// ```swift
/// StudentT(degreesOfFreedom: 2).quantile(0.975)    // 4.302652729…
/// StudentT(degreesOfFreedom: 10).quantile(0.975)   // 2.228138851…
/// ```
public struct StudentT: Hashable, Sendable {
    public var degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "Student's t needs ν > 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        let nu = degreesOfFreedom
        let tail = 0.5 * IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The density at t.
    public func pdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let logNorm = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNorm - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The t with P(T ≤ t) = p, for p in (0, 1); ±∞ at 0 and 1.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a quantile needs p in [0, 1]")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p) }
        let nu = degreesOfFreedom
        if nu == 1 { return tan(Double.pi * (p - 0.5)) }
        if nu == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
        // Bracket [0, high] with cdf(high) ≥ p, then Newton steps kept inside the bracket.
        var low = 0.0
        var high = 1.0
        while cdf(high) < p {
            low = high
            high *= 2
        }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let f = cdf(t) - p
            if f > 0 { high = t } else { low = t }
            var next = t - f / pdf(t)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-14 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }
}
