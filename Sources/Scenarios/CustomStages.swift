import Engine
import FlywheelCore
import Foundation
import Generation
import ProcessStages

/// Stages a Swift package brings itself, through the FlywheelCore protocols: each factory gets
/// the articles published at a job's start and the scenario's seed, and is called once per
/// (arm, replicate). A stage left nil is the one the scenario's `system` section names.
///
/// ```swift
/// let engine = try ScenarioAssembly.engine(
///     for: scenario, custom: CustomStages(retriever: { published, _ in MyRetriever(published) }))
/// ```
public struct CustomStages: Sendable {
    public typealias Factory<Stage> = @Sendable (_ published: [Article], _ seed: UInt64) throws -> Stage
    public var retriever: Factory<any LearningRetriever>?
    public var reranker: Factory<any LearningReranker>?
    public var generator: Factory<any LearningGenerator>?

    public init(
        retriever: Factory<any LearningRetriever>? = nil, reranker: Factory<any LearningReranker>? = nil,
        generator: Factory<any LearningGenerator>? = nil
    ) {
        self.retriever = retriever
        self.reranker = reranker
        self.generator = generator
    }

    /// The system under test with these stages in place of the scenario's (`openai`, `caches`:
    /// see ``ScenarioAssembly/makeSystem(_:seed:published:root:openai:caches:plugins:)``).
    func system(
        _ spec: SystemSpec, seed: UInt64, published: [Article], root: String, openai: (any LearningGenerator)?,
        caches: RunCaches,
        plugins: PluginPool? = nil
    ) throws -> SystemUnderTest {
        let A = ScenarioAssembly.self
        return SystemUnderTest(
            retriever: try retriever?(published, seed)
                ?? A.retriever(
                    spec, seed: seed, published: published, root: root, memos: caches.text, plugins: plugins),
            reranker: try reranker?(published, seed)
                ?? A.reranker(
                    spec, seed: seed, published: published, root: root, memos: caches.text, plugins: plugins),
            generator: try generator?(published, seed)
                ?? A.generator(
                    spec, seed: seed, published: published, root: root, openai: openai,
                    analysis: caches.generation, plugins: plugins))
    }
}
