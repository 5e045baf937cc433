import Evaluation
import FlywheelCore
import Testing

@testable import Scenarios

/// Malformed `expect:` and `cost:` entries are rejected with their key path and what is allowed.
@Suite struct ExpectationBadInputTests {
    typealias Case = InputErrorCase

    static let metrics = EngineMetric.names(MetricDepths(retriever: 75, reranker: 8)).joined(separator: ", ")

    static let cases: [Case] = [
        Case(
            yaml: "expect: [{improve: {arm: aitl, metric: adoption, by: 0.1}}]", field: "expect[0].improve",
            message:
                "unknown key 'improve'; did you mean 'improves'? Valid keys: improves, converges, never_regresses, at_least, at_most, no_gain, no_loss, stable, lift"
        ),
        Case(
            yaml: "expect: [{}]", field: "expect[0]",
            message:
                "an expectation is a mapping with exactly one of: improves, converges, never_regresses, at_least, at_most, no_gain, no_loss, stable, lift"
        ),
        Case(
            yaml: "expect: [{improves: {arm: aitl, metric: adoption}}]", field: "expect[0].improves.by",
            message: "required key is missing"),
        Case(
            yaml: "expect: [{improves: {arm: aitl, metric: adoption, by: 0.1, versus: yesterday}}]",
            field: "expect[0].improves.versus",
            message: "'yesterday' is not one of: baseline, start"),
        Case(
            yaml: "expect: [{improves: {arm: aitl, metric: adoption, by: 0.1, by_iteraton: 3}}]",
            field: "expect[0].improves.by_iteraton",
            message:
                "unknown key 'by_iteraton'; did you mean 'by_iteration'? Valid keys: arm, metric, by, relative, versus, by_iteration"
        ),
        Case(
            yaml: "expect: [{improves: {arm: aitl, metric: recall@57, by: 0.1}}]", field: "expect[0].improves.metric",
            message: "'recall@57' is not a metric the engine writes; did you mean 'recall@75'?; metrics: \(metrics)"),
        Case(
            yaml: "expect: [{at_least: {arm: aitll, metric: adoption, value: 0.1}}]", field: "expect[0].at_least.arm",
            message: "'aitll' is not an arm; did you mean 'aitl'?; arms: aitl, frozen"),
        Case(
            yaml: "expect: [{converges: {arm: aitl, metric: adoption, within: 4, tolerance: 0.01, window: 1}}]",
            field: "expect[0].converges.window", message: "1 is out of range; allowed: 2…1000"),
        Case(
            yaml: "expect: [{converges: {arm: aitl, metric: adoption, within: 4, tolerance: 0.01, min_change: -0.01}}]",
            field: "expect[0].converges.min_change", message: "-0.01 is out of range; allowed: 0.0…1000000.0"),
        Case(
            yaml: "expect: [{converges: {arm: aitl, metric: adoption, tolerance: 0.01}}]",
            field: "expect[0].converges.within",
            message: "required key is missing"),
        Case(
            yaml: "expect: [{never_regresses: {arm: aitl, metric: adoption, more_than: -0.1}}]",
            field: "expect[0].never_regresses.more_than", message: "-0.1 is out of range; allowed: 0.0…1000000.0"),
        Case(
            yaml: "expect: [{at_most: {arm: aitl, metric: adoption, value: 0.1, iteration: -1}}]",
            field: "expect[0].at_most.iteration", message: "-1 is out of range; allowed: 0…100000"),
        Case(
            yaml: "expect: [{lift: {arm: aitl, metric: adoption, between: [0.1]}}]", field: "expect[0].lift.between",
            message: "a band is two numbers [lo, hi] with lo ≤ hi; got [0.1]"),
        Case(
            yaml: "expect: [{lift: {arm: aitl, metric: adoption, between: [0.2, 0.1]}}]",
            field: "expect[0].lift.between",
            message: "a band is two numbers [lo, hi] with lo ≤ hi; got [0.2, 0.1]"),
        Case(
            yaml: "expect: [{lift: {arm: aitl, metric: adoption, between: [-2, 0.1]}}]",
            field: "expect[0].lift.between",
            message: "-2.0 is out of range; allowed: -1.0…1000000.0"),
        Case(
            yaml: "expect: [{lift: {arm: aitl, metric: adoption}}]", field: "expect[0].lift.between",
            message: "required key is missing"),
        Case(
            yaml: "expect: [{lift: {arm: aitl, metric: adoption, between: [0, 1], over: frozen}}]",
            field: "expect[0].lift.over",
            message: "unknown key 'over'. Valid keys: arm, metric, between, iteration, versus"),
        Case(
            yaml: "expect: [{lift: {arm: aitl, metric: adoption, between: [0, 1], versus: frozn}}]",
            field: "expect[0].lift.versus",
            message: "'frozn' is neither baseline, start nor an arm; did you mean 'frozen'?; arms: aitl, frozen"),
        Case(
            yaml: "cost: {per_retrian: 3}", field: "cost.per_retrian",
            message:
                "unknown key 'per_retrian'; did you mean 'per_retrain'? Valid keys: per_retrain, per_agent_minute, value_per_point"
        ),
        Case(
            yaml: "cost: {per_agent_minute: -1}", field: "cost.per_agent_minute",
            message: "-1.0 is out of range; allowed: 0.0…1000000000000.0"),
        Case(
            yaml: "cost: {value_per_point: {}}", field: "cost.value_per_point",
            message: "name at least one metric and its value per point"),
        Case(
            yaml: "cost: {value_per_point: {adoptoin: 3}}", field: "cost.value_per_point.adoptoin",
            message: "'adoptoin' is not a metric the engine writes; did you mean 'adoption'?; metrics: \(metrics)")
    ]

    @Test(arguments: cases)
    func badExpectationOrCostIsRejectedWithItsKeyPath(_ c: Case) {
        c.expectRejected { yaml, file in try ScenarioLoader.decode(yaml, file: file) }
    }

    @Test func goodExpectationsDecodeWithDefaults() throws {
        let s = try ScenarioLoader.decode(
            """
            expect:
              - improves: {arm: aitl, metric: recall@75, by: 0.05, relative: true, by_iteration: 8}
              - converges: {arm: aitl, metric: adoption, within: 12, tolerance: 0.005}
            cost: {per_retrain: 5}
            """)
        #expect(s.expect.count == 2)
        guard case .improves(let i) = s.expect[0], case .converges(let c) = s.expect[1] else {
            Issue.record("wrong kinds: \(s.expect)")
            return
        }
        #expect(i.relative && i.byIteration == 8 && i.versus == nil)
        #expect(c.window == 3 && c.minChange == 0.01)
        #expect(s.cost.perRetrain == 5 && s.cost.perAgentMinute == 1 && s.cost.valuePerPoint == ["adoption": 100])
    }
}
