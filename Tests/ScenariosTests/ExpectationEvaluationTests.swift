import FlywheelCore
import Testing

@testable import Scenarios

/// The rule of each assertion kind, on hand-made replicate series.
@Suite struct ExpectationEvaluationTests {
    /// rows for `arm`/`metric` from per-replicate curves.
    func rows(_ arm: String, _ metric: String, _ curves: [[Double]]) -> [MetricRow] {
        curves.enumerated().flatMap { rep, curve in
            curve.enumerated().map {
                MetricRow(arm: arm, replicate: rep, iteration: $0.offset, metric: metric, value: $0.element)
            }
        }
    }

    func expectation(_ yaml: String) throws -> Scenarios.Expectation {
        try ScenarioLoader.decode("arms: {aitl: {}, frozen: {retrain: false}}\nexpect: [\(yaml)]").expect[0]
    }

    @Test func improvesUsesTheLowerBoundOfThePairedDifference() throws {
        let series = ReplicateSeries(
            rows:
                rows("aitl", "adoption", [[0.10, 0.20], [0.10, 0.22], [0.10, 0.21]])
                + rows("frozen", "adoption", [[0.10, 0.10], [0.10, 0.11], [0.10, 0.10]]))
        // Differences 0.10, 0.11, 0.11: mean 0.10667, s 0.005774, 95% t half-width 4.3027·s/√3 = 0.01434 → [0.0923, 0.1210].
        let pass = try expectation("{improves: {arm: aitl, metric: adoption, by: 0.09}}").evaluate(
            series: series, baseline: "frozen")
        #expect(pass.passed)
        #expect(abs(pass.measured! - 0.106667) < 1e-5)
        #expect(pass.lower! > 0.09 && pass.lower! < 0.095)
        let fail = try expectation("{improves: {arm: aitl, metric: adoption, by: 0.1}}").evaluate(
            series: series, baseline: "frozen")
        #expect(!fail.passed)  // the mean clears 0.1 but the lower bound does not
        #expect(fail.reason.contains("lower bound") && fail.reason.contains("< 0.1"))
        let relative = try expectation(
            "{improves: {arm: aitl, metric: adoption, by: 0.8, relative: true, versus: start}}"
        )
        .evaluate(series: series, baseline: "frozen")
        #expect(relative.passed)  // +100%, +120%, +110% of the start
        #expect(relative.name == "improves aitl adoption by ≥ 0.8 (relative) vs iteration 0 at iteration 1")
    }

    @Test func convergesNeedsAFlatWindowStartingInTime() throws {
        let series = ReplicateSeries(rows: rows("aitl", "adoption", [[0.1, 0.2, 0.3, 0.31, 0.30, 0.31]]))
        let ok = try expectation("{converges: {arm: aitl, metric: adoption, within: 2, tolerance: 0.011, window: 3}}")
            .evaluate(series: series, baseline: nil)
        #expect(ok.passed)
        #expect(ok.reason.contains("iterations 2…4"))
        let late = try expectation("{converges: {arm: aitl, metric: adoption, within: 1, tolerance: 0.011, window: 3}}")
            .evaluate(series: series, baseline: nil)
        #expect(!late.passed)
        // A flat start does not count when the curve later leaves it.
        let rising = ReplicateSeries(rows: rows("aitl", "adoption", [[0.1, 0.1, 0.1, 0.3, 0.3, 0.3]]))
        let early = try expectation("{converges: {arm: aitl, metric: adoption, within: 2, tolerance: 0.01, window: 3}}")
            .evaluate(series: rising, baseline: nil)
        #expect(!early.passed)
        let settled = try expectation(
            "{converges: {arm: aitl, metric: adoption, within: 3, tolerance: 0.01, window: 3}}"
        )
        .evaluate(series: rising, baseline: nil)
        #expect(settled.passed && settled.reason.contains("iterations 3…5"))
    }

    /// A curve that never moves is flat, but it has not learned: `converges` needs the settled
    /// level at least `min_change` (default 0.01) from iteration 0.
    @Test func convergesFailsAFlatCurveThatNeverMoved() throws {
        let flat = ReplicateSeries(
            rows: rows("aitl", "adoption", [[0.1, 0.1, 0.1, 0.1, 0.1], [0.12, 0.12, 0.12, 0.12, 0.12]]))
        let never = try expectation("{converges: {arm: aitl, metric: adoption, within: 2, tolerance: 0.01}}")
            .evaluate(series: flat, baseline: nil)
        #expect(!never.passed)
        #expect(never.reason.contains("< min change 0.01") && never.reason.contains("never moved"))
        #expect(never.name.contains("min change 0.01"))
        // min_change: 0 states that settling without moving is enough.
        let settled = try expectation(
            "{converges: {arm: aitl, metric: adoption, within: 2, tolerance: 0.01, min_change: 0}}"
        )
        .evaluate(series: flat, baseline: nil)
        #expect(settled.passed)
        // A curve that moved 0.2 and settled passes the default, and fails a larger stated minimum.
        let learned = ReplicateSeries(rows: rows("aitl", "adoption", [[0.1, 0.3, 0.3, 0.3, 0.3]]))
        #expect(
            try expectation("{converges: {arm: aitl, metric: adoption, within: 2, tolerance: 0.01}}")
                .evaluate(series: learned, baseline: nil).passed)
        #expect(
            try !expectation("{converges: {arm: aitl, metric: adoption, within: 2, tolerance: 0.01, min_change: 0.25}}")
                .evaluate(series: learned, baseline: nil).passed)
    }

    @Test func neverRegressesComparesWithTheBestEarlierIteration() throws {
        let series = ReplicateSeries(
            rows: rows("aitl", "precision@8", [[0.10, 0.14, 0.12, 0.13], [0.10, 0.14, 0.12, 0.13]]))
        let tight = try expectation("{never_regresses: {arm: aitl, metric: precision@8, more_than: 0.01}}")
            .evaluate(series: series, baseline: nil)
        #expect(!tight.passed)
        #expect(abs(tight.measured! - 0.02) < 1e-12)  // 0.14 at iteration 1, 0.12 at iteration 2
        #expect(tight.reason.contains("best earlier iteration (1)") && tight.reason.contains("iteration 2"))
        let loose = try expectation("{never_regresses: {arm: aitl, metric: precision@8, more_than: 0.025}}")
            .evaluate(series: series, baseline: nil)
        #expect(loose.passed)
    }

    @Test func boundsUseTheIntervalOnTheirSide() throws {
        let series = ReplicateSeries(rows: rows("aitl", "agent_minutes", [[0, 100], [0, 110], [0, 120]]))
        // mean 110, 95% interval 110 ± 4.3027·10/√3 = [85.16, 134.84]
        #expect(
            try expectation("{at_least: {arm: aitl, metric: agent_minutes, value: 85}}").evaluate(
                series: series, baseline: nil
            ).passed)
        #expect(
            try !expectation("{at_least: {arm: aitl, metric: agent_minutes, value: 90}}").evaluate(
                series: series, baseline: nil
            ).passed)
        #expect(
            try expectation("{at_most: {arm: aitl, metric: agent_minutes, value: 135}}").evaluate(
                series: series, baseline: nil
            ).passed)
        #expect(
            try !expectation("{at_most: {arm: aitl, metric: agent_minutes, value: 130}}").evaluate(
                series: series, baseline: nil
            ).passed)
        #expect(
            try expectation("{at_most: {arm: aitl, metric: agent_minutes, value: 0, iteration: 0}}").evaluate(
                series: series, baseline: nil
            ).passed)
    }

    @Test func missingValuesFailWithAReason() throws {
        let r = try expectation("{at_least: {arm: frozen, metric: adoption, value: 0}}")
            .evaluate(series: ReplicateSeries(rows: []), baseline: nil)
        #expect(!r.passed)
        #expect(r.reason == "no values of adoption for arm frozen in the results")
    }
}
