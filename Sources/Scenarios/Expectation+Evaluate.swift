import Evaluation
import FlywheelCore

/// The verdict on one assertion: pass or fail, the measured value with its 95% interval, and a
/// one-line reason that names both.
public struct ExpectationResult: Sendable {
    public var expectation: Expectation
    /// A readable name, e.g. `improves aitl adoption by ≥ 0.05 vs frozen at iteration 8`.
    public var name: String
    public var passed: Bool
    /// The measured quantity (an improvement, a spread, a drop, a value).
    public var measured: Double?
    public var lower: Double?
    public var upper: Double?
    /// One line: what was measured and why it passes or fails.
    public var reason: String
}

/// Per-replicate series of one run's metrics: `values[arm][metric][replicate] = [iteration 0, 1, …]`.
public struct ReplicateSeries: Sendable {
    var values: [String: [String: [[Double]]]] = [:]

    public init(rows: [MetricRow]) {
        var raw: [String: [String: [Int: [Int: Double]]]] = [:]
        for r in rows {
            raw[r.arm, default: [:]][r.metric, default: [:]][r.replicate, default: [:]][r.iteration] = r.value
        }
        for (arm, metrics) in raw {
            for (metric, byReplicate) in metrics {
                values[arm, default: [:]][metric] = byReplicate.keys.sorted().map { rep in
                    let its = byReplicate[rep]!
                    return its.keys.sorted().map { its[$0]! }
                }
            }
        }
    }

    /// Replicate series of `arm` × `metric`, truncated to the shortest replicate.
    public func series(_ arm: String, _ metric: String) -> [[Double]] {
        let s = values[arm]?[metric] ?? []
        let width = s.map(\.count).min() ?? 0
        return s.map { Array($0.prefix(width)) }
    }

    public var arms: [String] { values.keys.sorted() }
}

extension Expectation {
    /// Evaluates the assertion on a run's metric rows.
    ///
    /// - `improves`: per replicate d = x(arm, k) − ref, with ref the baseline arm at k (`versus:
    ///   baseline`) or the arm at iteration 0 (`versus: start`); `relative` divides d by ref. The
    ///   95% t interval of d over replicates must have its lower bound ≥ `by`.
    /// - `converges`: on the mean curve m(i) over replicates, some window i = s…s+window−1 with
    ///   s ≤ `within` (and inside the run) has max − min ≤ `tolerance`, every later m(i) lies
    ///   within `tolerance` of the window's mean c, and |c − m(0)| ≥ `min_change`.
    /// - `never_regresses`: for every iteration i ≥ 1, j* = the earlier iteration with the best
    ///   mean; the drop is the paired mean of x(j*) − x(i). Fails when the largest such drop is
    ///   more than `more_than` (the point estimate, reported with its interval: requiring the
    ///   interval's upper bound would fail on replicate noise alone).
    /// - `at_least` / `at_most`: the lower (upper) 95% bound of the value at `iteration` (default
    ///   the last) is ≥ (≤) `value`.
    /// - `lift`: mean(arm) / mean(ref) − 1 at `iteration` lies in `between` (``Lift``).
    ///
    /// With one replicate there is no interval and the point estimate is used (the reason says so).
    public func evaluate(series: ReplicateSeries, baseline: String?) -> ExpectationResult {
        let (arm, metric) = target
        let s = series.series(arm, metric)
        func result(_ name: String, _ passed: Bool, _ e: MeanEstimate?, _ reason: String) -> ExpectationResult {
            ExpectationResult(
                expectation: self, name: name, passed: passed, measured: e?.mean, lower: e?.interval?.lower,
                upper: e?.interval?.upper, reason: reason)
        }
        guard let last = s.first.map({ $0.count - 1 }), last >= 0 else {
            return result(
                "\(kind.rawValue) \(arm) \(metric)", false, nil,
                "no values of \(metric) for arm \(arm) in the results")
        }
        switch self {
        case .improves(let x):
            let k = min(x.byIteration ?? last, last)
            let versus = x.versus ?? ((baseline != nil && baseline != arm) ? .baseline : .start)
            let refName = versus == .baseline ? (baseline ?? "?") : "iteration 0"
            let name =
                "improves \(arm) \(metric) by ≥ \(Self.number(x.by))\(x.relative ? " (relative)" : "") vs \(refName) at iteration \(k)"
            let refs: [Double]
            switch Self.references(
                series, s, arm: arm, metric: metric, other: versus == .baseline ? baseline : nil,
                versus: versus.rawValue, iteration: k)
            {
            case .success(let r): refs = r
            case .failure(let reason): return result(name, false, nil, reason.message)
            }
            if x.relative, refs.contains(where: { $0 == 0 }) {
                return result(name, false, nil, "a relative improvement is undefined: the reference value is 0")
            }
            let d = zip(s.map { $0[k] }, refs).map { v, r in x.relative ? (v - r) / abs(r) : v - r }
            let e = MeanEstimate(d)!
            let bound = e.interval?.lower ?? e.mean
            let passed = bound >= x.by
            return result(
                name, passed, e,
                "improvement \(Self.describe(e)); \(e.interval == nil ? "point estimate" : "lower bound") \(Self.number(bound)) \(passed ? "≥" : "<") \(Self.number(x.by))"
            )
        case .noGain(let x), .noLoss(let x):
            let gain = kind == .noGain
            let k = min(x.iteration ?? last, last)
            let versus = x.versus ?? ((baseline != nil && baseline != arm) ? "baseline" : "start")
            let other = versus == "baseline" ? baseline : (versus == "start" ? nil : versus)
            let refName = versus == "start" ? "iteration 0" : (other ?? "?")
            let name = "\(kind.rawValue) \(arm) \(metric) vs \(refName) at iteration \(k)"
            let refs: [Double]
            switch Self.references(series, s, arm: arm, metric: metric, other: other, versus: versus, iteration: k) {
            case .success(let r): refs = r
            case .failure(let reason): return result(name, false, nil, reason.message)
            }
            let e = MeanEstimate(zip(s.map { $0[k] }, refs).map { $0 - $1 })!
            let bound = gain ? (e.interval?.lower ?? e.mean) : (e.interval?.upper ?? e.mean)
            let passed = gain ? bound <= 0 : bound >= 0
            return result(
                name, passed, e,
                "difference \(Self.describe(e)); \(e.interval == nil ? "point estimate" : (gain ? "lower bound" : "upper bound")) \(Self.number(bound)) \(gain ? (passed ? "≤" : ">") : (passed ? "≥" : "<")) 0"
            )
        case .converges(let x):
            let name =
                "converges \(arm) \(metric) within \(x.within) (tolerance \(Self.number(x.tolerance)), window \(x.window), min change \(Self.number(x.minChange)))"
            let curve = (0...last).map { i in Statistics.mean(s.map { $0[i] }) }
            // Converged at s: the window s…s+window−1 spreads at most `tolerance`, every later
            // iteration stays within `tolerance` of the window's mean, and that mean lies at least
            // `min_change` from iteration 0 (the curve learned something before settling).
            var best: (start: Int, spread: Double)?
            var settled: (start: Int, spread: Double, change: Double)?
            var flat: (start: Int, spread: Double, change: Double)?
            var start = 0
            while start <= x.within, start + x.window - 1 <= last {
                let w = curve[start..<(start + x.window)]
                let centre = w.reduce(0, +) / Double(w.count)
                let later = curve[(start + x.window)...].map { abs($0 - centre) }.max() ?? 0
                let spread = max(w.max()! - w.min()!, later)
                let change = abs(centre - curve[0])
                if spread <= x.tolerance {
                    if change >= x.minChange { settled = (start, spread, change); break }
                    if flat == nil { flat = (start, spread, change) }
                }
                if best == nil || spread < best!.spread { best = (start, spread) }
                start += 1
            }
            if let settled {
                return result(
                    name, true, MeanEstimate([settled.spread]),
                    "mean curve within \(Self.number(settled.spread)) over iterations \(settled.start)…\(settled.start + x.window - 1) and stays there to iteration \(last), \(Self.number(settled.change)) from iteration 0 (≥ \(Self.number(x.minChange)))"
                )
            }
            if let flat {
                return result(
                    name, false, MeanEstimate([flat.spread]),
                    "the mean curve settles (from iteration \(flat.start), spread \(Self.number(flat.spread))) only \(Self.number(flat.change)) from iteration 0's \(Self.number(curve[0])) < min change \(Self.number(x.minChange)): it never moved"
                )
            }
            guard let best else {
                return result(
                    name, false, nil,
                    "the run has \(last + 1) iterations, too few for a window of \(x.window) starting by iteration \(x.within)"
                )
            }
            return result(
                name, false, MeanEstimate([best.spread]),
                "no window of \(x.window) iterations starting by \(x.within) stays within the tolerance to the end; the best (from iteration \(best.start)) spreads \(Self.number(best.spread)) > \(Self.number(x.tolerance))"
            )
        case .neverRegresses(let x):
            let name = "never_regresses \(arm) \(metric) by more than \(Self.number(x.moreThan))"
            let curve = (0...last).map { i in Statistics.mean(s.map { $0[i] }) }
            var worst: (iteration: Int, from: Int, estimate: MeanEstimate)?
            var bestSoFar = 0
            for i in 1...max(1, last) where i <= last {
                if curve[i - 1] > curve[bestSoFar] { bestSoFar = i - 1 }
                let e = MeanEstimate(s.map { $0[bestSoFar] - $0[i] })!
                if worst == nil || e.mean > worst!.estimate.mean { worst = (i, bestSoFar, e) }
            }
            guard let worst else {
                return result(name, true, nil, "only iteration 0: nothing can regress")
            }
            let passed = worst.estimate.mean <= x.moreThan
            return result(
                name, passed, worst.estimate,
                "largest drop from the best earlier iteration (\(worst.from)) is at iteration \(worst.iteration): \(Self.describe(worst.estimate)) \(passed ? "≤" : ">") \(Self.number(x.moreThan))"
            )
        case .stable(let x):
            let k = min(x.iteration ?? last, last)
            let versus = x.versus ?? ((baseline != nil && baseline != arm) ? "baseline" : "start")
            let other = versus == "baseline" ? baseline : (versus == "start" ? nil : versus)
            let refName = versus == "start" ? "iteration 0" : (other ?? "?")
            let name =
                "stable \(arm) \(metric) ≥ \(Self.number(x.share))× \(refName) in every replicate at iteration \(k)"
            let refs: [Double]
            switch Self.references(series, s, arm: arm, metric: metric, other: other, versus: versus, iteration: k) {
            case .success(let r): refs = r
            case .failure(let reason): return result(name, false, nil, reason.message)
            }
            let values = s.map { $0[k] }
            let failing = zip(values, refs).enumerated().filter { $0.element.0 < x.share * $0.element.1 }
            let ratios = zip(values, refs).map { v, r in r == 0 ? (v >= 0 ? 1 : 0) : v / r }
            let shown = ratios.map { Self.number($0) }.joined(separator: ", ")
            var verdict = result(
                name, failing.isEmpty, nil,
                failing.isEmpty
                    ? "every replicate (n = \(values.count)) at ≥ \(Self.number(x.share))× the reference: ratios \(shown)"
                    : "replicate\(failing.count == 1 ? "" : "s") \(failing.map { String($0.offset) }.joined(separator: ", ")) below \(Self.number(x.share))× the reference (ratios \(shown))"
            )
            verdict.measured = ratios.min()
            return verdict
        case .lift(let x):
            let k = min(x.iteration ?? last, last)
            let versus = x.versus ?? ((baseline != nil && baseline != arm) ? "baseline" : "start")
            let other = versus == "baseline" ? baseline : (versus == "start" ? nil : versus)
            let refName = versus == "start" ? "iteration 0" : (other ?? "?")
            let name =
                "lift \(arm) \(metric) over \(refName) in [\(Self.number(x.lower)), \(Self.number(x.upper))] at iteration \(k)"
            let refs: [Double]
            switch Self.references(series, s, arm: arm, metric: metric, other: other, versus: versus, iteration: k) {
            case .success(let r): refs = r
            case .failure(let reason): return result(name, false, nil, reason.message)
            }
            let v = Self.evaluateLift(x, values: s.map { $0[k] }, refs: refs, refName: refName)
            return ExpectationResult(
                expectation: self, name: name, passed: v.passed, measured: v.measured, lower: v.interval?.lower,
                upper: v.interval?.upper, reason: v.reason)
        case .atLeast(let x), .atMost(let x):
            let atLeast = kind == .atLeast
            let k = min(x.iteration ?? last, last)
            let name =
                "\(kind.rawValue) \(arm) \(metric) \(atLeast ? "≥" : "≤") \(Self.number(x.value)) at iteration \(k)"
            let e = MeanEstimate(s.map { $0[k] })!
            let bound = (atLeast ? e.interval?.lower : e.interval?.upper) ?? e.mean
            let passed = atLeast ? bound >= x.value : bound <= x.value
            let which = e.interval == nil ? "point estimate" : (atLeast ? "lower bound" : "upper bound")
            return result(
                name, passed, e,
                "value \(Self.describe(e)); \(which) \(Self.number(bound)) \(passed ? (atLeast ? "≥" : "≤") : (atLeast ? "<" : ">")) \(Self.number(x.value))"
            )
        }
    }

    /// `0.0421 [0.0301, 0.0541]`, or `0.0421 (1 replicate, no interval)`.
    static func describe(_ e: MeanEstimate) -> String {
        guard let i = e.interval else { return "\(number(e.mean)) (1 replicate, no interval)" }
        return "\(number(e.mean)) [95% CI \(number(i.lower)), \(number(i.upper))]"
    }

    /// Four significant decimals, no exponent for everyday magnitudes.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let r = (x * 10_000).rounded() / 10_000
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)
    }

    struct Unmatched: Error { var message: String }

    /// The reference values an arm's values at iteration `k` are paired with: the `other` arm's at
    /// `k` (replicate by replicate) when `versus` is not `start`, else the arm's own iteration 0.
    static func references(
        _ series: ReplicateSeries, _ s: [[Double]], arm: String, metric: String, other: String?, versus: String,
        iteration k: Int
    ) -> Result<[Double], Unmatched> {
        guard versus != "start" else { return .success(s.map { $0[0] }) }
        guard let b = other, b != arm else {
            return .failure(Unmatched(message: "versus: \(versus) needs an arm other than \(arm)"))
        }
        let bs = series.series(b, metric)
        guard bs.count == s.count, let w = bs.first?.count, w > k else {
            return .failure(
                Unmatched(
                    message:
                        "the \(versus == "baseline" ? "baseline " : "")arm \(b) has no matching values of \(metric) at iteration \(k)"
                ))
        }
        return .success(bs.map { $0[k] })
    }
}
