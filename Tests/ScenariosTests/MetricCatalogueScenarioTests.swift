import Evaluation
import FlywheelCore
import Testing

@testable import Scenarios

/// `expect:` and `cost.value_per_point` accept every metric the engine writes (the catalogue,
/// ``EngineMetric``, at the scenario's depths) and nothing else.
@Suite struct MetricCatalogueScenarioTests {
    static let depths = [MetricDepths(retriever: 75, reranker: 8), MetricDepths(retriever: 50, reranker: 5)]

    static func scenario(_ d: MetricDepths, metric: String) throws -> Scenario {
        try ScenarioLoader.decode(
            """
            system: {retriever: {depth: \(d.retriever)}, reranker: {depth: \(d.reranker)}}
            expect: [{at_least: {arm: aitl, metric: "\(metric)", value: 0}}]
            cost: {value_per_point: {"\(metric)": 1}}
            """)
    }

    @Test(arguments: depths) func everyCatalogueMetricIsAccepted(_ d: MetricDepths) throws {
        for metric in EngineMetric.allCases {
            let name = metric.name(d)
            let s = try Self.scenario(d, metric: name)
            #expect(s.expect.first?.target.metric == name && s.cost.valuePerPoint[name] == 1)
        }
    }

    @Test(arguments: depths) func namesOutsideTheCatalogueAreRejected(_ d: MetricDepths) {
        let outside = [
            "recall@\(d.retriever + 1)", "precision@\(d.reranker + 1)", "ndcg@5", "P_8", "recip_rank",
            "annotations_telepathy", "gate_rejection"
        ]
        for name in outside {
            do {
                _ = try Self.scenario(d, metric: name)
                Issue.record("accepted \(name)")
            } catch let error as InputError {
                #expect(error.field == "expect[0].at_least.metric")
                #expect(error.message.hasPrefix("'\(name)' is not a metric the engine writes"))
                #expect(error.message.hasSuffix("metrics: " + EngineMetric.names(d).joined(separator: ", ")))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
