import Engine
import Evaluation
import FlywheelCore
import Scenarios
import Testing

/// The engine writes its metrics from the catalogue (``EngineMetric``): every name in its
/// records is a catalogue name at the system's depths, and every metric the catalogue says is
/// always written is there, at depths 75/8 and 50/5 alike.
@Suite struct MetricCatalogueEngineTests {
    @Test(arguments: [(75, 8), (50, 5)])
    func everyRecordedMetricIsACatalogueNameAtTheConfiguredDepths(retriever: Int, reranker: Int) throws {
        let depths = MetricDepths(retriever: retriever, reranker: reranker)
        let engine = try EngineFixture.engine(
            arms: [EngineArm(name: "aitl"), EngineArm(name: "frozen", retrain: false)], replicates: 1,
            horizon: .weeks(1), depths: depths)
        let written = Set(try EngineFixture.records(engine, parallelism: 2).flatMap(\.metrics.keys))
        let catalogue = Set(EngineMetric.names(depths))
        #expect(
            written.subtracting(catalogue).isEmpty,
            "written but not in the catalogue: \(written.subtracting(catalogue))")
        let always = Set(EngineMetric.allCases.filter(\.isAlwaysWritten).map { $0.name(depths) })
        #expect(
            always.subtracting(written).isEmpty, "in the catalogue but never written: \(always.subtracting(written))")
        #expect(written.contains("recall@\(retriever)") && written.contains("precision@\(reranker)"))
    }
}
