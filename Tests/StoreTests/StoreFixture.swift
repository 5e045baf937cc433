import FlywheelCore
import Foundation

@testable import Store

/// A fresh store in a temporary folder, and iteration records to write into it.
struct StoreFixture {
    let folder: String
    var path: String { folder + "/run.sqlite" }

    init(_ label: String) throws {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "flywheel-store-\(label)-\(UUID().uuidString)"
            ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

    /// Iteration `i` of `job`, the last when `i == last`.
    static func record(_ job: JobKey, _ i: Int, last: Int, annotations: Int = 1) -> IterationRecord {
        IterationRecord(
            job: job, iteration: i, simTime: Timestamp(secondsSinceEpoch: 86_400 * Int64(i)), retrained: i > 0,
            deployed: i > 0, isLast: i == last, metrics: ["recall@75": 0.5 + Double(i) / 100],
            annotations: (0..<annotations).map {
                .init(label: .relevance(relevant: true), ticket: "t\(i)-\($0)", agent: "a", article: "x", detail: nil)
            })
    }

    /// A store holding one running run with job `aitl#0` reset to expect `iterations`.
    func store(iterations: Int = 3) throws -> (ResultsStore, Int64, JobKey) {
        let store = try ResultsStore(path: path)
        let run = try store.beginRun(
            name: "r", scenarioJSON: "{}", scenarioHash: "h", seed: 1, version: "t", key: "k", keyParts: "{}")
        let job = JobKey(arm: "aitl", replicate: 0)
        try store.resetJob(run: run, job: job, iterations: iterations)
        return (store, run, job)
    }
}
