import FlywheelCore
import Testing

@testable import Scenarios

/// `no_gain`, `no_loss` and `stable`: the controls' assertions, on hand-made replicate series.
@Suite struct ControlExpectationTests {
    func rows(_ arm: String, _ curves: [[Double]]) -> [MetricRow] {
        curves.enumerated().flatMap { rep, curve in
            curve.enumerated().map {
                MetricRow(arm: arm, replicate: rep, iteration: $0.offset, metric: "recall@75", value: $0.element)
            }
        }
    }

    func expectation(_ yaml: String) throws -> Scenarios.Expectation {
        try ScenarioLoader.decode("arms: {a: {}, b: {}, frozen: {retrain: false}}\nexpect: [\(yaml)]").expect[0]
    }

    /// Three replicates per arm; iteration 0 at 0.5, the last at the values given.
    var series: ReplicateSeries {
        ReplicateSeries(
            rows:
                row("a", [0.50, 0.60, 0.55]) + row("b", [0.50, 0.51, 0.49]) + row("frozen", [0.50, 0.50, 0.50]))
    }

    func row(_ arm: String, _ finals: [Double]) -> [MetricRow] {
        finals.enumerated().flatMap { rep, v in
            [
                MetricRow(arm: arm, replicate: rep, iteration: 0, metric: "recall@75", value: 0.5),
                MetricRow(arm: arm, replicate: rep, iteration: 1, metric: "recall@75", value: v)
            ]
        }
    }

    @Test func noGainFailsOnlyWhenTheWholeIntervalIsAboveZero() throws {
        // a − frozen: 0, 0.1, 0.05: mean 0.05, 95% t interval [−0.074, 0.174]: no evidence of a gain.
        #expect(
            try expectation("{no_gain: {arm: a, metric: recall@75}}").evaluate(series: series, baseline: "frozen")
                .passed)
        let gaining = ReplicateSeries(rows: row("a", [0.60, 0.61, 0.62]) + row("frozen", [0.5, 0.5, 0.5]))
        let r = try expectation("{no_gain: {arm: a, metric: recall@75}}").evaluate(series: gaining, baseline: "frozen")
        #expect(!r.passed)
        #expect(r.reason.contains("lower bound"))
    }

    @Test func noLossComparesWithAnotherArmWhenAsked() throws {
        // a − b: −0.00, +0.09, +0.06 → not below 0; b − a is below 0 only if the interval is.
        let r = try expectation("{no_loss: {arm: a, metric: recall@75, versus: b}}").evaluate(
            series: series, baseline: "frozen")
        #expect(r.passed)
        #expect(r.name == "no_loss a recall@75 vs b at iteration 1")
        let losing = ReplicateSeries(rows: row("a", [0.40, 0.41, 0.42]) + row("b", [0.5, 0.5, 0.5]))
        #expect(
            !(try expectation("{no_loss: {arm: a, metric: recall@75, versus: b}}").evaluate(
                series: losing, baseline: nil
            ).passed))
    }

    @Test func versusMustNameAnArm() {
        #expect(throws: (any Error).self) { try expectation("{no_loss: {arm: a, metric: recall@75, versus: c}}") }
        #expect(throws: (any Error).self) { try expectation("{stable: {arm: a, metric: recall@75, versus: c}}") }
    }

    /// `stable` looks at every replicate, not the mean: one replicate at 0.40 / 0.50 = 0.8 of
    /// frozen fails the default share 0.9 although the mean gain is positive.
    @Test func stableFailsWhenAnyReplicateFallsBelowTheShare() throws {
        let oneCollapses = ReplicateSeries(rows: row("a", [0.70, 0.40, 0.65]) + row("frozen", [0.5, 0.5, 0.5]))
        let r = try expectation("{stable: {arm: a, metric: recall@75}}").evaluate(
            series: oneCollapses, baseline: "frozen")
        #expect(!r.passed)
        #expect(r.reason.contains("replicate 1 below 0.9×"))
        #expect(r.measured == 0.8)
        #expect(
            try expectation("{stable: {arm: a, metric: recall@75, share: 0.8}}").evaluate(
                series: oneCollapses, baseline: "frozen"
            ).passed)
        // b ends at 0.49…0.51 of frozen's 0.5: every replicate ≥ 0.9×
        let all = try expectation("{stable: {arm: b, metric: recall@75}}").evaluate(series: series, baseline: "frozen")
        #expect(all.passed)
        #expect(all.name == "stable b recall@75 ≥ 0.9× frozen in every replicate at iteration 1")
    }
}
