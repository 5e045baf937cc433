import FlywheelCore
import Foundation
import Testing

@testable import Store

/// Merging keeps each run's key, and refuses a run whose key differs from the one of that name
/// already merged (the same scenario over another corpus or personas is another result).
@Suite struct MergeKeyTests {
    static func store(_ f: StoreFixture, _ name: String, key: String) throws -> ResultsStore {
        let store = try ResultsStore(path: f.folder + "/\(name).sqlite")
        let run = try store.beginRun(
            name: "cell", scenarioJSON: "{}", scenarioHash: "h", seed: 1, version: "t", key: key,
            keyParts: "{\"k\":\"\(key)\"}")
        let job = JobKey(arm: "aitl", replicate: 0)
        try store.resetJob(run: run, job: job, iterations: 1)
        try store.write(StoreFixture.record(job, 0, last: 0), run: run)
        try store.finishRun(run, expecting: [job])
        return store
    }

    @Test func runKeysAreCopiedAndADifferentKeyIsAConflict() throws {
        let f = try StoreFixture("merge-key")
        defer { f.cleanUp() }
        let a = try Self.store(f, "a", key: "k1")
        let same = try Self.store(f, "same", key: "k1")
        let other = try Self.store(f, "other", key: "k2")
        let merged = try ResultsStore(path: f.folder + "/merged.sqlite")
        #expect(try merged.merge(from: [a.path, same.path]) == .init(copied: 1, identical: 1))
        let run = try #require(try merged.run(named: "cell"))
        #expect(run.runKey == "k1" && run.runKeyParts == "{\"k\":\"k1\"}")
        let error = try #require(throws: InputError.self) { try merged.merge(from: [other.path]) }
        #expect(error.message.contains("different scenario hash or run key"))
    }
}
