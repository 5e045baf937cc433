import Engine
import FlywheelCore
import Foundation
import Generation
import LLM
import ProcessStages
import Retrieval

extension ScenarioAssembly {
    /// The system under test over the `published` articles, untrained: each stage of its
    /// ``StageKind`` (``GeneratorKind``), any mix. Plugins start here (one per process stage and
    /// job) and run in `root`, the scenario file's folder (``ScenarioPaths``); one that does not start or answer its hello throws the run-ending
    /// error. `openai` is the untrained generator of a `kind: openai` generator (built once per
    /// run by ``engine(for:root:keepAnnotations:llm:custom:)``, which owns its LLM service).
    /// `caches`: the run's (``RunCaches``); a run passes one to all its jobs, so the corpus and
    /// each ticket are analysed once per run and freed when the run ends (a new one unless given).
    /// `plugins`: where plugin processes wait between jobs (protocol version 2); nil starts a
    /// process for every call.
    public static func makeSystem(
        _ spec: SystemSpec, seed: UInt64, published: [Article],
        root: String, openai: (any LearningGenerator)? = nil, caches: RunCaches = RunCaches(),
        plugins: PluginPool? = nil
    ) throws -> SystemUnderTest {
        SystemUnderTest(
            retriever: try retriever(
                spec, seed: seed, published: published, root: root, memos: caches.text, plugins: plugins),
            reranker: try reranker(
                spec, seed: seed, published: published, root: root, memos: caches.text, plugins: plugins),
            generator: try generator(
                spec, seed: seed, published: published, root: root, openai: openai, analysis: caches.generation,
                memos: caches.text, plugins: plugins))
    }

    static func retriever(
        _ spec: SystemSpec, seed: UInt64, published: [Article], root: String, memos: AnalysisMemos? = nil,
        plugins: PluginPool? = nil
    ) throws -> any LearningRetriever {
        switch spec.retriever.kind {
        case .builtin:
            return ExpansionRetriever(inner: learnedRetriever(spec.retriever, published: published, memos: memos))
        case .process:
            return try ProcessRetriever.start(
                pluginCommand("retriever", spec.retriever.process, root: root), seed: seed, settings: spec.retriever,
                published: published, analyzer: analyzer(memos: memos), pool: plugins)
        }
    }

    static func reranker(
        _ spec: SystemSpec, seed: UInt64, published: [Article], root: String, memos: AnalysisMemos? = nil,
        plugins: PluginPool? = nil
    ) throws -> any LearningReranker {
        switch spec.reranker.kind {
        case .builtin:
            // Its feature index is a BM25-with-expansion index over the same articles with the
            // retriever's settings, kept by the reranker itself (see `RankNetReranker`).
            let features = learnedRetriever(spec.retriever, published: published, memos: memos)
            return RankNetReranker(
                inner: PairwiseReranker(
                    retriever: features,
                    configuration: RerankerConfiguration(
                        seed: seed, learningRate: spec.reranker.learningRate, epochs: spec.reranker.epochs,
                        priorHalfLifeDays: spec.reranker.priorHalfLife.days, priorEvidence: spec.reranker.priorEvidence,
                        shownDepth: spec.reranker.depth, firstStageDepth: spec.retriever.depth,
                        validationFolds: spec.reranker.validationFolds)))
        case .process:
            return try ProcessReranker.start(
                pluginCommand("reranker", spec.reranker.process, root: root), seed: seed, settings: spec.reranker,
                published: published, analyzer: analyzer(memos: memos), pool: plugins)
        }
    }

    static func generator(
        _ spec: SystemSpec, seed: UInt64, published: [Article], root: String, openai: (any LearningGenerator)?,
        analysis: ArticleAnalysisCache, memos: AnalysisMemos? = nil, plugins: PluginPool? = nil
    ) throws -> any LearningGenerator {
        switch spec.generator.kind {
        case .builtin:
            var generation = GenerationConfig()
            generation.candidates = spec.generator.candidates
            generation.exploration = spec.generator.exploration
            generation.rewardL2 = spec.generator.rewardL2
            generation.rewardHalfLifeDays = Double(spec.generator.rewardHalfLife.seconds) / 86_400
            generation.priorWords = spec.generator.priorWords
            generation.articleDepth = spec.reranker.depth
            return LearningExtractiveGenerator(inner: ExtractiveGenerator(config: generation, analysis: analysis))
        case .process:
            return try ProcessGenerator.start(
                pluginCommand("generator", spec.generator.process, root: root), seed: seed, settings: spec.generator,
                published: published, analyzer: analyzer(memos: memos), pool: plugins)
        case .openai:
            guard let openai else {
                throw InputError(
                    field: LLMRole.generator.keyPath, "kind: openai needs an LLM service (ScenarioAssembly.llmService)")
            }
            return openai
        }
    }

    /// The scenario's text analysis: the chain the builtin stages index and search with, and
    /// the one that makes the `tokens` a process stage is sent (and names in its hello), so a
    /// plugin gets the very terms the builtin would use. It reads through `memos` (the run's,
    /// ``RunCaches/text``): each ticket is analysed once per run, whichever stage asks.
    static func analyzer(memos: AnalysisMemos?) -> Analyzer {
        Analyzer(memos: memos)
    }

    /// BM25 over `published` with the (untrained) expansion model of the retriever's settings,
    /// analysed by ``analyzer(memos:)``.
    static func learnedRetriever(
        _ r: SystemSpec.Retriever, published: [Article], memos: AnalysisMemos? = nil
    ) -> LearnedRetriever {
        let index = BM25Index(
            articles: published, parameters: BM25Parameters(k1: r.k1, b: r.b), analyzer: analyzer(memos: memos))
        let expansion = ExpansionModel(
            configuration: ExpansionConfiguration(
                strength: r.expansion.strength, halfLifeDays: Double(r.expansion.halfLife.seconds) / 86_400,
                cap: r.expansion.cap, demotion: r.expansion.demotion, evidence: r.expansion.evidence),
            analysis: index.analyzer.configuration)
        return LearnedRetriever(index: index, model: expansion)
    }

    static func pluginCommand(_ stage: String, _ spec: ProcessSpec?, root: String) -> PluginCommand {
        let spec = spec ?? ProcessSpec()
        return PluginCommand(
            stage: stage, command: spec.command, environment: spec.env, timeoutSeconds: Double(spec.timeout.seconds),
            directory: root, reuse: spec.reuse)
    }
}

extension ScenarioAssembly {
    /// The builtin first stage (BM25 with learned expansion) built from a hello's `settings` —
    /// the scenario's `system.retriever` keys as JSON — over `published`: what
    /// `flywheel plugin serve retriever` serves behind the process protocol. The same model as
    /// `kind: builtin` with those keys (its `kind` and `process` are ignored), except that with
    /// expansion strength 0 it skips retraining, which could not change its ranking.
    public static func builtinRetriever(
        settings: Data, published: [Article], memos: AnalysisMemos? = nil
    ) throws -> any LearningRetriever {
        var spec = SystemSpec()
        spec.retriever = try JSONDecoder().decode(SystemSpec.Retriever.self, from: settings)
        spec.retriever.kind = .builtin
        spec.retriever.process = nil
        var served = ExpansionRetriever(inner: learnedRetriever(spec.retriever, published: published, memos: memos))
        served.learns = spec.retriever.expansion.strength > 0
        return served
    }
}
