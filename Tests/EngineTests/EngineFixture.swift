import Corpora
import WorldGenerator
import Engine
import Evaluation
import FlywheelCore
import Foundation
import Scenarios
import World
import FlywheelTestSupport

/// A small generated world and an engine over it, shared by the engine's tests.
enum EngineFixture {
    static let world = SyntheticWorld.generate(.init(seed: 11, articles: 240, tickets: 2400, weeks: 6))

    static func persona(_ name: String) throws -> Persona {
        try Persona.load(named: name, in: Repository.personas)
    }

    /// An engine with the given arms over the small world (3 weekly iterations by default);
    /// `scorer` grades the evaluation's helpfulness, `generator` wraps the builtin generator.
    static func engine(
        arms: [EngineArm], replicates: Int = 2, population: [(String, Double)] = [("careful-expert", 1)],
        horizon: SimDuration = .weeks(3), scorer: (any HelpfulnessScorer)? = nil,
        generator: (@Sendable (any LearningGenerator) -> any LearningGenerator)? = nil,
        depths: MetricDepths = MetricDepths(
            retriever: SystemSpec().retriever.depth, reranker: SystemSpec().reranker.depth)
    ) throws -> Engine {
        let people = try population.map { (persona: try persona($0.0), weight: $0.1) }
        let config = EngineConfig(
            seed: 5, replicates: replicates, arms: arms, heldOutShare: 0.08, heldOutMax: 150, horizon: horizon,
            retrieverDepth: depths.retriever, rerankDepth: depths.reranker, agents: 12)
        let spec = {
            var spec = SystemSpec()
            spec.retriever.depth = depths.retriever
            spec.reranker.depth = depths.reranker
            return spec
        }()
        return try Engine(
            config: config, articles: world.articles, tickets: InMemoryTickets(world.tickets),
            world: WorldSetup(judge: Judge(), population: people, scorer: scorer)
        ) { published in
            var system = try ScenarioAssembly.makeSystem(spec, seed: 5, published: published, root: noFiles)
            if let generator { system.generator = generator(system.generator) }
            return system
        }
    }

    /// The root of a system whose stages are all builtin: it reads no file, so no folder applies.
    static let noFiles = "/nonexistent-root-of-a-builtin-system"

    /// Every record of `jobs`, run `parallelism` at a time, in a stable order.
    static func records(_ engine: Engine, parallelism: Int) throws -> [IterationRecord] {
        let box = RecordBox()
        try engine.run(jobs: engine.jobs, parallelism: parallelism) { box.append($0) }
        return box.sorted()
    }
}

final class RecordBox: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [IterationRecord] = []
    func append(_ r: IterationRecord) {
        lock.lock()
        records.append(r)
        lock.unlock()
    }
    func sorted() -> [IterationRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records.sorted { ($0.job, $0.iteration) < ($1.job, $1.iteration) }
    }
}
