import FlywheelCore
import Testing

@testable import Scenarios

/// `lift`: a relative lift mean(arm) / mean(reference) − 1 inside a band, judged on the ratio of
/// replicate means, with the bootstrap interval and n printed but not judged.
@Suite struct LiftExpectationTests {
    func expectation(_ yaml: String) throws -> Scenarios.Expectation {
        try ScenarioLoader.decode("arms: {a: {}, b: {}, frozen: {retrain: false}}\nexpect: [\(yaml)]").expect[0]
    }

    /// Iteration 0 at 0.5 in every replicate, the last iteration at the values given.
    func rows(_ arm: String, _ finals: [Double]) -> [MetricRow] {
        finals.enumerated().flatMap { rep, v in
            [
                MetricRow(arm: arm, replicate: rep, iteration: 0, metric: "recall@75", value: 0.5),
                MetricRow(arm: arm, replicate: rep, iteration: 1, metric: "recall@75", value: v)
            ]
        }
    }

    /// a: mean 0.57 over frozen's 0.5 → lift 0.14 exactly.
    var series: ReplicateSeries {
        ReplicateSeries(
            rows: rows("a", [0.55, 0.60, 0.56]) + rows("b", [0.49, 0.52, 0.51]) + rows("frozen", [0.5, 0.5, 0.5]))
    }

    @Test func passesWhenTheRatioOfMeansLiesInTheBand() throws {
        let r = try expectation("{lift: {arm: a, metric: recall@75, between: [0.1, 0.2]}}").evaluate(
            series: series, baseline: "frozen")
        #expect(r.passed)
        #expect(r.name == "lift a recall@75 over frozen in [0.1, 0.2] at iteration 1")
        #expect(abs(r.measured! - 0.14) < 1e-12)
        #expect(r.reason.hasPrefix("lift 0.14 = 0.57 / 0.5 − 1 (means of n = 3 replicate pairs; bootstrap 95% CI "))
        #expect(r.reason.hasSuffix("not judged); 0.1 ≤ 0.14 ≤ 0.2"))
        // The percentile interval holds the replicate lifts' range: 0.1 … 0.2.
        #expect(r.lower! >= 0.1 - 1e-12 && r.upper! <= 0.2 + 1e-12 && r.lower! < 0.14 && r.upper! > 0.14)
    }

    @Test func failsAboveAndBelowTheBandSayingWhich() throws {
        let above = try expectation("{lift: {arm: a, metric: recall@75, between: [0.05, 0.1]}}").evaluate(
            series: series, baseline: "frozen")
        #expect(!above.passed)
        #expect(above.reason.hasSuffix("; 0.14 > 0.1"))
        let below = try expectation("{lift: {arm: a, metric: recall@75, between: [0.15, 0.3]}}").evaluate(
            series: series, baseline: "frozen")
        #expect(!below.passed)
        #expect(below.reason.hasSuffix("; 0.14 < 0.15"))
    }

    /// The band judges the point estimate: replicate lifts of −0.2 … +0.6 (an interval far wider
    /// than the band) still pass when their ratio of means is inside it — that noise is reported
    /// through the interval and n, not turned into a verdict.
    @Test func judgesThePointEstimateNotTheInterval() throws {
        let noisy = ReplicateSeries(rows: rows("a", [0.4, 0.8, 0.51]) + rows("frozen", [0.5, 0.5, 0.5]))
        let r = try expectation("{lift: {arm: a, metric: recall@75, between: [0.1, 0.2]}}").evaluate(
            series: noisy, baseline: "frozen")
        #expect(r.passed)
        #expect(abs(r.measured! - 0.14) < 1e-12)
        #expect(r.lower! < 0.1 && r.upper! > 0.2)
    }

    @Test func comparesWithStartOrAnotherArmWhenAsked() throws {
        // a's own iteration 0 is 0.5 too; over b (mean 0.5067): 0.57 / 0.50667 − 1 = 0.125.
        let start = try expectation("{lift: {arm: a, metric: recall@75, between: [0.1, 0.2], versus: start}}")
            .evaluate(series: series, baseline: "frozen")
        #expect(start.passed && start.name == "lift a recall@75 over iteration 0 in [0.1, 0.2] at iteration 1")
        let overB = try expectation("{lift: {arm: a, metric: recall@75, between: [0.1, 0.2], versus: b}}")
            .evaluate(series: series, baseline: "frozen")
        #expect(abs(overB.measured! - (0.57 / (1.52 / 3) - 1)) < 1e-12)
    }

    @Test func theIntervalIsReproducible() throws {
        let e = try expectation("{lift: {arm: a, metric: recall@75, between: [0.1, 0.2]}}")
        let (r1, r2) = (e.evaluate(series: series, baseline: "frozen"), e.evaluate(series: series, baseline: "frozen"))
        #expect(r1.lower == r2.lower && r1.upper == r2.upper && r1.reason == r2.reason)
    }

    @Test func aReferenceWithoutAPositiveMeanHasNoLift() throws {
        let zero = ReplicateSeries(rows: rows("a", [0.1, 0.1]) + rows("frozen", [0, 0]))
        let r = try expectation("{lift: {arm: a, metric: recall@75, between: [0, 1]}}").evaluate(
            series: zero, baseline: "frozen")
        #expect(!r.passed && r.measured == nil)
        #expect(r.reason == "a lift is undefined: the mean of frozen is 0, not positive")
    }

    @Test func oneReplicateIsAPointEstimateWithoutInterval() throws {
        let one = ReplicateSeries(rows: rows("a", [0.6]) + rows("frozen", [0.5]))
        let r = try expectation("{lift: {arm: a, metric: recall@75, between: [0.1, 0.3]}}").evaluate(
            series: one, baseline: "frozen")
        #expect(r.passed && r.lower == nil)
        #expect(r.reason.contains("n = 1 replicate pairs; 1 replicate, no interval"))
    }

    @Test func decodesEveryKey() throws {
        let e = try expectation(
            "{lift: {arm: a, metric: recall@75, between: [0.0878, 0.1463], iteration: 3, versus: b}}")
        guard case .lift(let x) = e else { Issue.record("not a lift"); return }
        #expect(x.lower == 0.0878 && x.upper == 0.1463 && x.iteration == 3 && x.versus == "b")
    }
}
