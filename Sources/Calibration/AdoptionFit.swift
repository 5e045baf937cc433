#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import FlywheelCore

/// Adoption: `P(adopt) = σ(slope·(qA − threshold))` fitted as a logistic regression of
/// "adopted" on the true quality of reply A by Newton–Raphson (IRLS), `slope = β₁`,
/// `threshold = −β₀/β₁`; adopted replies are edited with the share `edit_share`.
///
/// Trust is not fitted: the fitted persona has `trust: {initial: 0.5, rate: 0}` (constant trust,
/// so the logistic is exactly the one above). An agent whose trust moves with experience
/// (rate > 0) is fitted with the logistic averaged over its trust path; docs/calibration.md
/// says so. Separable data (every adoption above every rejection) stops at slope 200.
struct AdoptionFit: Sendable, Hashable {
    var threshold = 0.5
    var slope = 8.0
    var editShare = 0.3

    static let parameterCount = 3
    static let maxSlope = 200.0

    static func fit(_ tickets: [WorkedTicket]) -> AdoptionFit {
        let data = tickets.compactMap { t in t.adoption.flatMap { a in t.qualityA.map { ($0, a.outcome) } } }
        var out = AdoptionFit()
        guard !data.isEmpty else { return out }
        let adopted = data.filter { $0.1.isAdopted }
        out.editShare = Logistic.rate(adopted.filter { $0.1 == .edited }.count, adopted.count, fallback: 0)
        var b0 = 0.0
        var b1 = 0.0
        for _ in 0..<100 {
            var g0 = 0.0, g1 = 0.0, h00 = 1e-9, h01 = 0.0, h11 = 1e-9
            for (q, o) in data {
                let p = Logistic.sigmoid(b0 + b1 * q)
                let y: Double = o.isAdopted ? 1 : 0
                let w = p * (1 - p)
                g0 += y - p
                g1 += (y - p) * q
                h00 += w
                h01 += w * q
                h11 += w * q * q
            }
            let det = h00 * h11 - h01 * h01
            guard det > 0 else { break }
            let d0 = (h11 * g0 - h01 * g1) / det
            let d1 = (h00 * g1 - h01 * g0) / det
            b0 += d0
            b1 += d1
            if abs(b1) > maxSlope {
                let scale = maxSlope / abs(b1)
                b0 *= scale
                b1 *= scale
                break
            }
            if abs(d0) + abs(d1) < 1e-10 { break }
        }
        out.slope = max(0, b1)
        out.threshold = b1 > 0 ? min(1, max(0, -b0 / b1)) : 0.5
        return out
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        var ll = 0.0
        for t in tickets {
            guard let a = t.adoption, let q = t.qualityA else { continue }
            let p = Logistic.sigmoid(slope * (q - threshold))
            switch a.outcome {
            case .rejected: ll += Logistic.safeLog(1 - p)
            case .used: ll += Logistic.safeLog(p * (1 - editShare))
            case .edited: ll += Logistic.safeLog(p * editShare)
            }
        }
        return ll
    }
}
