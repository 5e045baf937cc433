import Engine
import FlywheelCore
import Testing

@Suite struct EngineTests {
    @Test func resultsDoNotDependOnHowManyJobsRunAtOnce() throws {
        let engine = try EngineFixture.engine(arms: [EngineArm(name: "aitl"), EngineArm(name: "frozen", retrain: false)]
        )
        let one = try EngineFixture.records(engine, parallelism: 1)
        let two = try EngineFixture.records(engine, parallelism: 2)
        #expect(one.count == 2 * 2 * 4)  // arms × replicates × (iteration 0 + 3)
        #expect(one.map(\.metrics) == two.map(\.metrics))
        #expect(one.map { $0.annotations.map(\.ticket) } == two.map { $0.annotations.map(\.ticket) })
    }

    @Test func zeroParticipationGivesExactlyTheFrozenOfflineMetrics() throws {
        let engine = try EngineFixture.engine(
            arms: [EngineArm(name: "silent", participation: 0), EngineArm(name: "frozen", retrain: false)],
            replicates: 1)
        let records = try EngineFixture.records(engine, parallelism: 2)
        let offline = [
            "recall@75", "precision@8", "ndcg@10", "mrr", "helpfulness", "helpfulness_ge4", "adoption", "kb_size"
        ]
        let silent = records.filter { $0.job.arm == "silent" }.map { r in offline.map { r.metrics[$0] } }
        let frozen = records.filter { $0.job.arm == "frozen" }.map { r in offline.map { r.metrics[$0] } }
        #expect(silent == frozen)
        #expect(records.filter { $0.job.arm == "silent" }.allSatisfy { $0.annotations.isEmpty && !$0.retrained })
    }

    @Test func frozenArmNeverChanges() throws {
        let engine = try EngineFixture.engine(arms: [EngineArm(name: "frozen", retrain: false)], replicates: 1)
        let records = try EngineFixture.records(engine, parallelism: 1)
        #expect(Set(records.map { $0.metrics["recall@75"] }).count == 1)
        #expect(records.last?.isLast == true)
        #expect(records.dropLast().allSatisfy { !$0.isLast })
    }

    @Test func turningRelevanceChecksOffLeavesRetrievalFlat() throws {
        var signals = Set(SignalKind.allCases)
        signals.remove(.relevance)
        signals.remove(.missingKnowledge)
        let engine = try EngineFixture.engine(
            arms: [EngineArm(name: "no-relevance", signals: signals)], replicates: 1)
        let records = try EngineFixture.records(engine, parallelism: 1)
        #expect(Set(records.map { $0.metrics["recall@75"] }).count == 1)
        #expect(Set(records.map { $0.metrics["precision@8"] }).count == 1)
        #expect(records.contains { $0.retrained })
        #expect(records.allSatisfy { $0.metrics["annotations_relevance"] == 0 })
    }

    @Test func turningPreferencesAndAdoptionOffLeavesTheGeneratorUnchanged() throws {
        let engine = try EngineFixture.engine(
            arms: [EngineArm(name: "retrieval-only", signals: [.relevance, .missingKnowledge])], replicates: 1)
        let records = try EngineFixture.records(engine, parallelism: 1)
        let generator = records.map { $0.models.first { $0.component == "generator" }?.version }
        #expect(Set(generator) == [0])
        #expect(records.contains { ($0.models.first { $0.component == "retriever" }?.version ?? 0) > 0 })
    }
}

@Suite struct DeployGateTests {
    /// Random relevance marks make candidates no better on held-out marks, so a strict gate
    /// refuses some of them and ships fewer retriever versions than an arm without a gate.
    @Test func strictGateRefusesCandidatesTrainedOnRandomMarks() throws {
        let engine = try EngineFixture.engine(
            arms: [
                EngineArm(name: "gated", signals: [.relevance], deployGate: .init(tolerance: 0, validationShare: 0.3)),
                EngineArm(name: "open", signals: [.relevance])
            ], replicates: 1, population: [("random", 1)])
        let records = try EngineFixture.records(engine, parallelism: 2)
        let rejected = records.filter { $0.job.arm == "gated" }.compactMap { $0.metrics["gate_rejections"] }.reduce(
            0, +)
        func shipped(_ arm: String) -> Int {
            records.filter { $0.job.arm == arm }.last?.models.first { $0.component == "retriever" }?.version ?? -1
        }
        #expect(rejected > 0)
        #expect(shipped("gated") + Int(rejected) == shipped("open"))
    }
}
