import Corpora
import WorldGenerator
import Engine
import FlywheelCore
import Foundation
import Scenarios
import Testing
import FlywheelTestSupport

@testable import LLM

/// A whole run with an `openai` generator and judge against a local stand-in model: replaying
/// its recording offline gives bit-identical metrics whatever the parallelism, and the judge's
/// malformed answers are counted, not scored.
@Suite struct EngineReplayTests {
    /// A stand-in model: the generator quotes the first article's first sentence; the judge
    /// answers a score derived from the reply's length, or junk for every third reply.
    static let standIn: @Sendable (String) -> String = { prompt in
        if prompt.contains("Score (1-5):") {
            let n = prompt.count
            return n % 3 == 0 ? "a fine reply" : String(1 + n % 5)
        }
        let lines = prompt.split(separator: "\n")
        guard let i = lines.firstIndex(where: { $0.hasPrefix("[1] ") }), i + 1 < lines.count else { return "Sorry." }
        return "Hello! " + (lines[i + 1].split(separator: ".").first.map { $0 + "." } ?? "")
    }

    static let corpus: String = {
        let dir = NSTemporaryDirectory() + "flywheel-llm-corpus-\(ProcessInfo.processInfo.processIdentifier)"
        if !FileManager.default.fileExists(atPath: dir + "/manifest.json") {
            let world = SyntheticWorld.generate(.init(seed: 5, articles: 60, tickets: 240, weeks: 2))
            _ = try? world.write(to: dir, name: "llm-test", overwrite: true)
        }
        return dir
    }()

    static func scenario(_ url: URL) throws -> Scenario {
        return try ScenarioLoader.decode(
            """
            corpus: \(corpus)
            personas: \(Repository.personas.path)
            seed: 4
            replicates: 2
            heldout: {share: 0.1, max: 10}
            population: [{persona: careful-expert, weight: 1}]
            system:
              generator:
                kind: openai
                openai: {base_url: '\(url.absoluteString)', model: stand-in, retries: 1, concurrency: 2}
                few_shot: {examples: 1}
            judge:
              kind: openai
              openai: {base_url: '\(url.absoluteString)', model: stand-in, max_tokens: 4, retries: 1}
            arms:
              aitl: {cadence: 3d, evaluate_every: 3d}
              frozen: {retrain: false, evaluate_every: 3d}
            baseline: frozen
            horizon: 6d
            """)
    }

    /// Every iteration's metrics by job and iteration.
    static func run(_ scenario: Scenario, service: LLMService, parallelism: Int) throws -> [String: [String: Double]] {
        let engine = try ScenarioAssembly.engine(for: scenario, root: Self.corpus, llm: service)  // every path is absolute
        let collected = Collected()
        try engine.run(jobs: engine.jobs, parallelism: parallelism) { record in
            collected.add("\(record.job) \(record.iteration)", record.metrics)
        }
        return collected.metrics
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var byKey: [String: [String: Double]] = [:]
        func add(_ key: String, _ metrics: [String: Double]) { lock.withLock { byKey[key] = metrics } }
        var metrics: [String: [String: Double]] { lock.withLock { byKey } }
    }

    @Test func aReplayGivesTheRecordedMetricsOfflineWhateverTheParallelism() throws {
        let cache = NSTemporaryDirectory() + "flywheel-llm-\(UUID().uuidString).jsonl.zst"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let server = try FaultServer([], fallback: .compute(Self.standIn))
        let scenario = try Self.scenario(server.baseURL)
        let recorder = try #require(
            try ScenarioAssembly.llmService(for: scenario, options: LLMOptions(cache: .record, cachePath: cache)))
        let recorded = try Self.run(scenario, service: recorder, parallelism: 2)
        try recorder.save()
        server.stop()
        #expect(recorded.count == 12)  // 2 arms × 2 replicates × iterations 0…2
        #expect(recorder.usage.roles["generator"]!.sent > 0)

        for parallelism in [1, 2] {
            let replayer = try #require(
                try ScenarioAssembly.llmService(for: scenario, options: LLMOptions(cache: .replay, cachePath: cache)))
            let replayed = try Self.run(scenario, service: replayer, parallelism: parallelism)
            #expect(replayed == recorded, "replay with parallelism \(parallelism) differs")
            #expect(replayer.usage.roles["generator"]!.sent == 0)
        }
        // the stand-in judge answers junk for some replies: counted, and never scored
        let malformed = recorded.values.compactMap { $0["judge_malformed"] }
        #expect(malformed.count == recorded.count)
        #expect(malformed.contains { $0 > 0 })
        #expect(recorded.values.allSatisfy { (1...5).contains($0["helpfulness"]!) })
    }
}
