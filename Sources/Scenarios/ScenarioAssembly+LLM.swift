import Engine
import FlywheelCore
import Foundation
import LLM
import LLMJudging
import World

/// How a run reaches the LLMs of a scenario's `openai` generator or judge
/// (`flywheel run --llm-cache`, `--llm-cache-file`, `--llm-base-url`).
public struct LLMOptions: Sendable {
    public var cache: LLMCacheMode
    /// The cache file (read in record and replay modes, written in record mode).
    public var cachePath: String?
    /// Replaces every `openai.base_url` (e.g. a local server on a port chosen at start).
    public var baseURL: String?
    public var environment: [String: String]
    public init(
        cache: LLMCacheMode = .off, cachePath: String? = nil, baseURL: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.cache = cache
        self.cachePath = cachePath
        self.baseURL = baseURL
        self.environment = environment
    }
}

extension Scenario {
    /// The `openai:` blocks the scenario uses, by role.
    public var llmBlocks: [LLMRole: OpenAISpec] {
        var out: [LLMRole: OpenAISpec] = [:]
        if system.generator.kind == .openai, let spec = system.generator.openai { out[.generator] = spec }
        if judge.kind == .openai, let spec = judge.openai { out[.judge] = spec }
        return out
    }
}

extension ScenarioAssembly {
    /// The LLM service of the scenario's `openai` parts (nil when it has none), its keys read
    /// from the environment and, unless replaying, its endpoints checked to answer: a missing
    /// key or an unreachable endpoint is an ``InputError`` before anything runs.
    public static func llmService(for scenario: Scenario, options: LLMOptions = LLMOptions()) throws -> LLMService? {
        let blocks = scenario.llmBlocks
        guard !blocks.isEmpty else {
            if options.cache != .off {
                throw InputError(
                    field: "--llm-cache", "the scenario calls no LLM (no generator or judge with kind: openai)")
            }
            return nil
        }
        var roles: [LLMRole: LLMService.Role] = [:]
        for (role, spec) in blocks {
            let endpoint = try spec.endpoint(
                role: role, environment: options.environment, needsKey: options.cache != .replay,
                baseURLOverride: options.baseURL)
            roles[role] = LLMService.Role(
                endpoint: endpoint, budget: LLMBudget(requests: spec.budget.requests, tokens: spec.budget.tokens))
        }
        let service = try LLMService(roles: roles, mode: options.cache, cachePath: options.cachePath)
        try service.probe()
        return service
    }

    /// The untrained OpenAI generator of `spec`, nil for the builtin kind.
    static func llmGenerator(_ spec: SystemSpec.Generator, service: LLMService?) throws -> OpenAIGenerator? {
        guard spec.kind == .openai, let openai = spec.openai else { return nil }
        guard let service, let endpoint = service.endpoint(for: .generator) else {
            throw InputError(
                field: LLMRole.generator.keyPath, "kind: openai needs an LLM service (ScenarioAssembly.llmService)")
        }
        return OpenAIGenerator(settings: spec.fewShot.settings(prompts: openai), endpoint: endpoint, service: service)
    }

    /// The LLM judge of `spec`, nil for the builtin kind.
    static func llmJudge(_ spec: JudgeSpec, service: LLMService?) throws -> LLMJudge? {
        guard spec.kind == .openai, let openai = spec.openai else { return nil }
        guard let service, let endpoint = service.endpoint(for: .judge) else {
            throw InputError(
                field: LLMRole.judge.keyPath, "kind: openai needs an LLM service (ScenarioAssembly.llmService)")
        }
        var settings = LLMJudge.Settings()
        if let text = openai.systemPrompt { settings.systemPrompt = PromptTemplate(text) }
        if let text = openai.userPrompt { settings.userPrompt = PromptTemplate(text) }
        return LLMJudge(settings: settings, endpoint: endpoint, service: service)
    }
}
