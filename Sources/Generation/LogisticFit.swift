#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Weighted logistic regression with an L2 penalty towards a centre, fitted by Newton's method
/// (iteratively reweighted least squares) with step halving.
///
/// Minimises `Σ wᵢ·[−yᵢ log σ(β·xᵢ) − (1−yᵢ) log(1−σ(β·xᵢ))] + ½ Σⱼ λⱼ (βⱼ − cⱼ)²` with soft
/// targets `yᵢ ∈ [0, 1]` (a tie is 0.5). The objective is strictly convex when every λⱼ > 0, so
/// the fit is unique and does not depend on row order beyond floating-point summation, which is
/// done in the given order: the same input gives the same bits. See Hastie, Tibshirani &
/// Friedman, *The Elements of Statistical Learning*, §4.4.1.
enum LogisticFit {
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// `log(1 + e^z)` without overflow.
    static func softplus(_ z: Double) -> Double {
        z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
    }

    static func fit(
        rows: [[Double]], targets: [Double], weights: [Double], center: [Double], l2: [Double],
        iterations: Int = 40
    ) -> [Double] {
        fit(
            rows: rows, targets: targets, weights: weights, center: center, l2: l2, precision: nil,
            iterations: iterations
        ).beta
    }

    /// Weighted logistic regression by damped Newton steps, with the Gaussian prior
    /// ½·(b − center)ᵀ(diag(l2) + precision)(b − center); returns the fit and the data term's
    /// Hessian at it (Σ wᵢ pᵢ(1 − pᵢ) xᵢxᵢᵀ: the information the rows carry, for an online
    /// Laplace update).
    static func fit(
        rows: [[Double]], targets: [Double], weights: [Double], center: [Double], l2: [Double],
        precision: [[Double]]?, iterations: Int = 40
    ) -> (beta: [Double], hessian: [[Double]]) {
        let d = center.count
        precondition(l2.count == d && rows.allSatisfy { $0.count == d })
        precondition(precision.map { $0.count == d && $0.allSatisfy { $0.count == d } } ?? true)
        var beta = center
        func prior(_ b: [Double]) -> Double {
            var total = 0.0
            for j in 0..<d { total += 0.5 * l2[j] * (b[j] - center[j]) * (b[j] - center[j]) }
            if let p = precision {
                for j in 0..<d {
                    for k in 0..<d { total += 0.5 * (b[j] - center[j]) * p[j][k] * (b[k] - center[k]) }
                }
            }
            return total
        }
        func objective(_ b: [Double]) -> Double {
            var total = 0.0
            for i in rows.indices {
                let z = dot(b, rows[i])
                total += weights[i] * (targets[i] * softplus(-z) + (1 - targets[i]) * softplus(z))
            }
            return total + prior(b)
        }
        func dataHessian(_ b: [Double]) -> [[Double]] {
            var hess = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for i in rows.indices where weights[i] > 0 {
                let x = rows[i]
                let p = sigmoid(dot(b, x))
                let h = weights[i] * max(p * (1 - p), 1e-12)
                for j in 0..<d where x[j] != 0 {
                    for k in j..<d where x[k] != 0 { hess[j][k] += h * x[j] * x[k] }
                }
            }
            for j in 0..<d { for k in 0..<j { hess[j][k] = hess[k][j] } }
            return hess
        }
        var current = objective(beta)
        for _ in 0..<iterations {
            var grad = [Double](repeating: 0, count: d)
            var hess = dataHessian(beta)
            for i in rows.indices where weights[i] > 0 {
                let x = rows[i]
                let g = weights[i] * (sigmoid(dot(beta, x)) - targets[i])
                for j in 0..<d where x[j] != 0 { grad[j] += g * x[j] }
            }
            for j in 0..<d {
                grad[j] += l2[j] * (beta[j] - center[j])
                hess[j][j] += l2[j]
                if let p = precision {
                    for k in 0..<d {
                        grad[j] += p[j][k] * (beta[k] - center[k])
                        hess[j][k] += p[j][k]
                    }
                }
            }
            guard let step = solve(hess, grad) else { break }
            var scale = 1.0
            var next = beta
            var nextObjective = current
            for _ in 0..<30 {
                next = (0..<d).map { beta[$0] - scale * step[$0] }
                nextObjective = objective(next)
                if nextObjective <= current { break }
                scale /= 2
            }
            if nextObjective > current { break }
            let change = zip(next, beta).map { abs($0 - $1) }.max() ?? 0
            beta = next
            current = nextObjective
            if change < 1e-9 { break }
        }
        return (beta, dataHessian(beta))
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// Solves `A x = b` by Gaussian elimination with partial pivoting; nil if singular.
    static func solve(_ a0: [[Double]], _ b0: [Double]) -> [Double]? {
        var a = a0
        var b = b0
        let n = b.count
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<max(n, col + 1) where abs(a[r][col]) > abs(a[pivot][col]) { pivot = r }
            guard abs(a[pivot][col]) > 1e-300 else { return nil }
            if pivot != col {
                a.swapAt(pivot, col)
                b.swapAt(pivot, col)
            }
            for r in (col + 1)..<max(n, col + 1) {
                let f = a[r][col] / a[col][col]
                if f == 0 { continue }
                for k in col..<n { a[r][k] -= f * a[col][k] }
                b[r] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = b[r]
            for k in (r + 1)..<max(n, r + 1) { s -= a[r][k] * x[k] }
            x[r] = s / a[r][r]
        }
        return x
    }
}
