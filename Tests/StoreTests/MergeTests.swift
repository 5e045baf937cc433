import FlywheelCore
import Foundation
import Testing

@testable import Store

/// Merging stores copies runs, accepts identical duplicates and refuses conflicting ones.
@Suite struct MergeTests {
    static func store(_ name: String, value: Double, hash: String = "h1") throws -> ResultsStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(getpid())-\(name).sqlite")
            .path
        try? FileManager.default.removeItem(atPath: path)
        let store = try ResultsStore(path: path)
        let run = try store.beginRun(name: "cell", scenarioJSON: "{}", scenarioHash: hash, seed: 1, version: "t")
        let job = JobKey(arm: "aitl", replicate: 0)
        try store.resetJob(run: run, job: job)
        for i in 0...1 {
            try store.write(
                IterationRecord(
                    job: job, iteration: i, simTime: Timestamp(secondsSinceEpoch: 86_400 * Int64(i)), retrained: i > 0,
                    deployed: i > 0, isLast: i == 1, metrics: ["recall@75": value + Double(i)],
                    annotations: [
                        .init(label: .relevance(relevant: true), ticket: "t\(i)", agent: "a", article: "x", detail: nil)
                    ]),
                run: run)
        }
        try store.finishRun(run)
        try store.recordSweepCell(sweep: "s", cell: 0, hash: hash, runID: run, parameters: "{}")
        return store
    }

    @Test func identicalDuplicatesAreAcceptedAndConflictsRefused() throws {
        let a = try Self.store("a", value: 0.5)
        let same = try Self.store("same", value: 0.5)
        let other = try Self.store("other", value: 0.6)
        let out = try Self.store("out-seed", value: 0.5)
        try FileManager.default.removeItem(atPath: out.path)
        let merged = try ResultsStore(path: out.path)

        #expect(try merged.merge(from: [a.path]) == .init(copied: 1, identical: 0))
        #expect(try merged.merge(from: [same.path]) == .init(copied: 0, identical: 1))
        let id = try #require(try merged.runID(name: "cell"))
        #expect(try merged.metricRows(run: id) == a.metricRows(run: try #require(try a.runID(name: "cell"))))
        #expect(try merged.sweepCells().map(\.hash) == ["h1"])

        #expect(
            throws: InputError(
                file: other.path,
                "run 'cell' conflicts with the run of that name already merged into \(out.path) (different metrics); refusing to merge"
            )
        ) { try merged.merge(from: [other.path]) }
    }
}
