#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The regularised incomplete beta function I_x(a, b), which gives Student's t distribution.
///
/// Evaluated by its continued fraction (Abramowitz & Stegun 26.5.8) with the modified Lentz
/// algorithm (Lentz, Applied Optics 15, 1976; Thompson & Barnett, J. Comput. Phys. 64, 1986),
/// using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
/// Relative accuracy is about 1e-14 for the arguments the t distribution needs.
enum IncompleteBeta {
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "I_x(a, b) needs a, b > 0")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        if x > (a + 1) / (a + b + 2) { return 1 - regularized(x: 1 - x, a: b, b: a) }
        let logPrefactor = a * log(x) + b * log1p(-x) - logBeta(a, b) - log(a)
        return exp(logPrefactor) / continuedFraction(x: x, a: a, b: b)
    }

    static func logBeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }

    /// 1 + d1/(1 + d2/(1 + …)) with A&S 26.5.8's coefficients.
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var f = 1.0
        var c = 1.0
        var d = 0.0
        for j in 1...10_000 {
            let m = Double(j / 2)
            let coefficient: Double
            if j % 2 == 1 {
                coefficient = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            } else {
                coefficient = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            }
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return f
    }
}
