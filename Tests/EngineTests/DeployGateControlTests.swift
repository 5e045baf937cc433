import FlywheelCore
import Testing

@testable import Engine

/// The deploy gate against the controls a reviewer runs first: labels without information must
/// not ship models, informative ones must, and what the records say shipped is what did.
@Suite struct DeployGateControlTests {
    static func versions(_ records: [IterationRecord], arm: String, component: String) -> [[Int]] {
        let jobs = Set(records.filter { $0.job.arm == arm }.map(\.job.replicate)).sorted()
        return jobs.map { r in
            records.filter { $0.job.arm == arm && $0.job.replicate == r }
                .map { $0.models.first { $0.component == component }!.version }
        }
    }

    /// Shuffled labels from perfect agents (every label's link to its ticket broken, shares
    /// kept): over 2 replicates × 2 gated stages, at most one job-stage ships anything (with
    /// the run's budget α = 0.05 per job-stage, P(≥ 2 of 4) ≤ 6 · 0.05² < 2%). Oracle labels
    /// on the same tickets ship retrieval and generator models in every replicate. In both
    /// arms, `deployed` on each model row is true exactly when that model's version moved since
    /// the previous evaluation, and an iteration is marked deployed exactly when one is.
    @Test func gateRejectsShuffledLabelsShipsInformedOnesAndRecordsWhatShipped() throws {
        let engine = try EngineFixture.engine(
            arms: [
                EngineArm(name: "shuffled", deployGate: .init(), shuffleLabels: true),
                EngineArm(name: "oracle", deployGate: .init())
            ], replicates: 2, population: [("oracle", 1)], horizon: .weeks(4))
        let records = try EngineFixture.records(engine, parallelism: 2)
        var shuffledShips = 0
        for component in ["retriever", "generator"] {
            for v in Self.versions(records, arm: "shuffled", component: component) where v.last! > 0 {
                shuffledShips += 1
            }
            for v in Self.versions(records, arm: "oracle", component: component) {
                #expect(v.last! > 0, "\(component) never shipped")
            }
        }
        #expect(shuffledShips <= 1)
        let rejections = records.filter { $0.job.arm == "shuffled" }.compactMap { $0.metrics["gate_rejections"] }
            .reduce(0, +)
        #expect(rejections > 0)

        for arm in ["shuffled", "oracle"] {
            for r in 0..<2 {
                let job = records.filter { $0.job.arm == arm && $0.job.replicate == r }
                for (previous, record) in zip(job, job.dropFirst()) {
                    for model in record.models {
                        let before = previous.models.first { $0.component == model.component }!.version
                        #expect(
                            model.deployed == (model.version > before),
                            "\(arm) \(model.component) at \(record.iteration)")
                    }
                    #expect(record.deployed == record.models.contains(where: \.deployed))
                }
            }
        }
    }
}
