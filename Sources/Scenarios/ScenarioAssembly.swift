import Corpora
import Engine
import FlywheelCore
import Foundation
import Generation
import LLM
import ProcessStages
import Retrieval
import World
import WorldTruth

/// Turns a validated ``Scenario`` into a runnable ``Engine``: reads the corpus and personas and
/// wires the concrete system under test. The one place concrete parts meet (README, "Bring your own system").
public enum ScenarioAssembly {
    /// Builds the engine for `scenario`; relative paths resolve against `root`, the scenario
    /// file's folder (``ScenarioPaths/folder(ofFile:)``; a scenario built in code names its own).
    /// Missing corpus, persona or log files are ``InputError``s naming the key path and the
    /// resolved path (``checkPaths(_:root:file:)``), and so is any record `corpus validate` would refuse.
    /// `custom` replaces stages with a Swift package's own (Examples/CustomRetriever); the
    /// others are the scenario's.
    public static func engine(
        for scenario: Scenario, root: String,
        keepAnnotations: Bool = true, llm: LLMService? = nil, custom: CustomStages = CustomStages(),
        corpusChecked: Bool = false
    ) throws -> Engine {
        // An `openai` generator or judge without a given service gets one without a cache.
        try checkPaths(scenario, root: root)
        let service = try llm ?? llmService(for: scenario)
        let generator = try llmGenerator(scenario.system.generator, service: service)
        let scorer = try llmJudge(scenario.judge, service: service)
        let corpusPath = resolve(scenario.corpus, root: root)
        // `corpusChecked`: the caller ran ``checkedCorpus(_:root:)`` already (a sweep, once per corpus).
        let reader = corpusChecked ? try CorpusReader(directory: corpusPath) : try checkedCorpus(scenario, root: root)
        let articles = try reader.articles()
        let personaFolder = URL(fileURLWithPath: resolve(scenario.personas, root: root))
        let population = try loadPopulation(scenario.population, from: personaFolder, path: "population")
        var panel = Persona.evaluationPanel
        if let name = scenario.panel {
            do {
                panel = try Persona.load(named: name, in: personaFolder)
            } catch let error as InputError where error.file == nil {
                throw InputError(field: "panel", error.message)
            }
        }
        var arms = try scenario.armNames.map { name in
            try engineArm(name, scenario.arms[name]!, personas: personaFolder)
        }
        for (i, name) in scenario.armNames.enumerated() {
            guard let path = scenario.arms[name]!.log else { continue }
            arms[i].log = try loadLog(resolve(path, root: root), corpus: reader, articles: articles)
        }
        let config = EngineConfig(
            seed: scenario.seed, replicates: scenario.replicates, arms: arms,
            heldOutShare: scenario.heldout.share, heldOutMax: scenario.heldout.max,
            withholdShare: scenario.knowledge.withhold.share,
            withholdIntroducedLater: scenario.knowledge.withhold.introducedLater,
            authoring: authoring(scenario.knowledge.authoring), panel: panel,
            minAgentTrust: scenario.filter.minAgentTrust,
            virtualJudge: scenario.filter.virtualJudge.map { ($0.precision, $0.recall) },
            horizon: scenario.horizon, retrieverDepth: scenario.system.retriever.depth,
            rerankDepth: scenario.system.reranker.depth, agents: scenario.agents, keepAnnotations: keepAnnotations)
        let system = scenario.system
        let seed = scenario.seed
        // the run's caches, one value handed down (``RunCaches``): every job shares them, and
        // they are freed with the engine when the run ends (not process-wide); one plugin pool
        // per run: a version-2 plugin's process serves one job after another
        let caches = RunCaches()
        var world = WorldSetup(judge: judge(for: scenario, memo: caches.judged), population: population)
        world.scorer = scorer
        if let service {
            world.healthCheck = { @Sendable in try service.throwIfFailed() }
        }
        let llmGenerator: (any LearningGenerator)? = generator
        let plugins = PluginPool()
        return try Engine(
            config: config, articles: articles, tickets: CorpusTickets(directory: corpusPath), world: world
        ) { published in
            try custom.system(
                system, seed: seed, published: published, root: root, openai: llmGenerator, caches: caches,
                plugins: plugins)
        }
    }

    /// Opens the scenario's corpus (checksums verified) after streaming its records through
    /// `corpus validate`'s checks (``CorpusReader/checkRecords()``): `run` never serves what
    /// validation would refuse. A sweep calls it for each corpus before any cell starts.
    @discardableResult
    public static func checkedCorpus(
        _ scenario: Scenario, root: String
    ) throws -> CorpusReader {
        let reader = try CorpusReader(directory: try corpusFolder(scenario, root: root))
        try reader.checkRecords()
        return reader
    }

    /// The authoring desk of a scenario's `knowledge.authoring` section.
    static func authoring(_ a: KnowledgeSpec.Authoring) -> EngineConfig.Authoring {
        EngineConfig.Authoring(
            flagsNeeded: a.flagsNeeded, delay: a.delay, significance: a.significance, skill: a.skill,
            triageMinutes: a.triageMinutes, reviewMinutes: a.reviewMinutes)
    }

    /// The builtin judge a run of `scenario` scores replies with (its true quality of a reply is
    /// what simulated agents respond to; the report compares their choices with it).
    /// `memo`: the run's (``RunCaches/judged``); a new one unless given.
    public static func judge(for scenario: Scenario, memo: JudgeMemo = JudgeMemo()) -> Judge {
        Judge(config: judgeConfig(scenario.judge), memo: memo)
    }

    /// The judge's configuration: the scenario's rubric keys over `JudgeConfig`'s other defaults.
    static func judgeConfig(_ spec: JudgeSpec) -> JudgeConfig {
        var config = JudgeConfig()
        config.weights = .init(coverage: spec.weights.coverage, focus: spec.weights.focus, fit: spec.weights.fit)
        config.length = .init(minWords: spec.minWords, maxWords: spec.maxWords)
        config.noiseSD = spec.noiseSD
        config.roundScores = spec.roundScores
        return config
    }

    /// The personas of a population section, loaded from `folder`; errors name `path[i].persona`.
    static func loadPopulation(
        _ entries: [PopulationEntry], from folder: URL, path: String
    ) throws -> [(persona: Persona, weight: Double)] {
        try entries.enumerated().map { i, entry in
            do {
                return (persona: try Persona.load(named: entry.persona, in: folder), weight: entry.weight)
            } catch let error as InputError where error.file == nil {
                throw InputError(field: "\(path)[\(i)].persona", error.message)
            }
        }
    }

    static func engineArm(_ name: String, _ spec: ArmSpec, personas: URL) throws -> EngineArm {
        var vendor: EngineArm.Vendor?
        if let l = spec.labelling {
            let persona: Persona
            do {
                persona = try Persona.load(named: l.persona, in: personas)
            } catch let error as InputError where error.file == nil {
                throw InputError(field: "arms.\(name).labelling.persona", error.message)
            }
            vendor = EngineArm.Vendor(sample: l.vendorSample, delay: l.delay, persona: persona)
        }
        return EngineArm(
            name: name, cadence: spec.cadence, evaluateEvery: spec.evaluateEvery, retrain: spec.retrain,
            signals: Set(spec.signals), participation: spec.participation, vendor: vendor,
            deployGate: spec.deployGate.engineGate,
            shuffleLabels: spec.shuffleLabels,
            population: try spec.population.map {
                try loadPopulation($0, from: personas, path: "arms.\(name).population")
            })
    }

    /// A `feedback: logged` arm's log (its existence checked by ``checkPaths(_:root:file:)``),
    /// checked against the corpus (unknown tickets or articles are errors naming the log's line).
    static func loadLog(_ path: String, corpus: CorpusReader, articles: [Article]) throws -> AnnotationLog {
        var tickets = Set<TicketID>()
        var stream = try corpus.tickets()
        while let record = try stream.next() { tickets.insert(record.ticket.id) }
        return try AnnotationLogReader.read(path, tickets: tickets, articles: Set(articles.map(\.id)))
    }

    static func resolve(_ path: String, root: String) -> String { ScenarioPaths.resolve(path, against: root) }
}

/// The corpus' ticket file as the engine's ticket source: each job streams it from disk.
struct CorpusTickets: TicketSource {
    var directory: String
    func open() throws -> any TicketCursor {
        Cursor(stream: try CorpusReader(directory: directory, verifyChecksums: false).tickets())
    }
    struct Cursor: TicketCursor {
        var stream: TicketStream
        mutating func next() throws -> TicketRecord? { try stream.next() }
    }
}
