/// Deterministic Nelder–Mead minimisation (standard coefficients: reflection 1, expansion 2,
/// contraction ½, shrink ½) for the few-dimensional parts of the persona likelihoods, with
/// restarts from the best point until a restart no longer improves.
enum NelderMead {
    /// Minimises `f` from `start`; `step` is the initial simplex edge in every coordinate.
    static func minimise(
        _ f: ([Double]) -> Double, start: [Double], step: Double = 0.5, tolerance: Double = 1e-9,
        maxEvaluations: Int = 4000, restarts: Int = 2
    ) -> (point: [Double], value: Double) {
        var best = (point: start, value: f(start))
        for _ in 0...restarts {
            let r = run(f, start: best.point, step: step, tolerance: tolerance, maxEvaluations: maxEvaluations)
            let improved = best.value - r.value > tolerance * (1 + abs(best.value))
            if r.value < best.value { best = r }
            if !improved { break }
        }
        return best
    }

    private static func run(
        _ f: ([Double]) -> Double, start: [Double], step: Double, tolerance: Double, maxEvaluations: Int
    ) -> (point: [Double], value: Double) {
        let n = start.count
        var simplex: [[Double]] = [start]
        for i in 0..<n {
            var p = start
            p[i] += step
            simplex.append(p)
        }
        var values = simplex.map(f)
        var evaluations = n + 1
        func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
            (0..<n).map { a[$0] + t * (b[$0] - a[$0]) }
        }
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= tolerance * (abs(values[0]) + tolerance) { break }
            var centroid = Array(repeating: 0.0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            let reflected = combine(centroid, simplex[n], -1)
            let fr = f(reflected)
            evaluations += 1
            if fr < values[0] {
                let expanded = combine(centroid, simplex[n], -2)
                let fe = f(expanded)
                evaluations += 1
                if fe < fr {
                    (simplex[n], values[n]) = (expanded, fe)
                } else {
                    (simplex[n], values[n]) = (reflected, fr)
                }
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let outside = fr < values[n]
                let contracted = combine(centroid, outside ? reflected : simplex[n], 0.5)
                let fc = f(contracted)
                evaluations += 1
                if fc < min(fr, values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    for i in 1...n {
                        simplex[i] = combine(simplex[0], simplex[i], 0.5)
                        values[i] = f(simplex[i])
                    }
                    evaluations += n
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] }!
        return (simplex[i], values[i])
    }
}
