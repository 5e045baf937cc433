import FlywheelCore
import World
import Foundation
import LLM

/// An `openai:` block (under `system.generator` or `judge`): an OpenAI-compatible chat
/// completions endpoint, its prompt templates and its limits. Every default lives here.
///
/// ```yaml
/// openai:
///   base_url: http://127.0.0.1:8080/v1
///   model: smollm2
///   api_key_env: OPENAI_API_KEY     # read when the run starts; never stored or logged
///   budget: {requests: 2000, tokens: 2000000}
/// ```
public struct OpenAISpec: Codable, Sendable, Hashable {
    public struct Budget: Codable, Sendable, Hashable {
        /// Requests sent per run (recorded answers are free).
        public var requests = 20_000
        /// Tokens (prompt + completion, as the server reports them) per run.
        public var tokens = 20_000_000
        public init() {}
        enum CodingKeys: String, CodingKey, CaseIterable { case requests, tokens }
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Budget()
            requests = try c.decodeIfPresent(Int.self, forKey: .requests) ?? d.requests
            try decoder.require(requests, in: 1...100_000_000, "requests")
            tokens = try c.decodeIfPresent(Int.self, forKey: .tokens) ?? d.tokens
            try decoder.require(tokens, in: 1...100_000_000_000, "tokens")
        }
    }

    public var baseURL = ""
    public var model = ""
    /// The environment variable holding the API key; nil: send no key (local servers).
    public var apiKeyEnv: String?
    public var maxTokens = 160
    public var temperature = 0.2
    public var concurrency = 2
    public var retries = 3
    /// Seconds one attempt may take.
    public var timeout = 60.0
    public var budget = Budget()
    /// Prompt templates; nil: the role's built-in prompt (docs/llm.md).
    public var systemPrompt: String?
    public var userPrompt: String?

    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable {
        case baseURL = "base_url"
        case model
        case apiKeyEnv = "api_key_env"
        case maxTokens = "max_tokens"
        case temperature, concurrency, retries, timeout, budget
        case systemPrompt = "system_prompt"
        case userPrompt = "user_prompt"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = OpenAISpec()
        baseURL = try c.decode(String.self, forKey: .baseURL)
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw YAMLProblem(
                path: decoder.keyPath + ["base_url"],
                message: "'\(baseURL)' is not an http(s) URL such as http://127.0.0.1:8080/v1")
        }
        model = try c.decode(String.self, forKey: .model)
        if model.isEmpty { try decoder.report(path: decoder.keyPath + ["model"], message: "must not be empty") }
        apiKeyEnv = try c.decodeIfPresent(String.self, forKey: .apiKeyEnv)
        if let name = apiKeyEnv, name.isEmpty || name.contains("=") {
            try decoder.report(
                path: decoder.keyPath + ["api_key_env"], message: "'\(name)' is not an environment variable name")
        }
        maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens) ?? d.maxTokens
        try decoder.require(maxTokens, in: 1...100_000, "max_tokens")
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? d.temperature
        try decoder.require(temperature, in: 0...2, "temperature")
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? d.concurrency
        try decoder.require(concurrency, in: 1...256, "concurrency")
        retries = try c.decodeIfPresent(Int.self, forKey: .retries) ?? d.retries
        try decoder.require(retries, in: 0...20, "retries")
        timeout = try c.decodeIfPresent(Double.self, forKey: .timeout) ?? d.timeout
        try decoder.require(timeout, in: 1...3600, "timeout")
        budget = try c.decodeIfPresent(Budget.self, forKey: .budget) ?? d.budget
        systemPrompt = try c.decodeIfPresent(String.self, forKey: .systemPrompt)
        userPrompt = try c.decodeIfPresent(String.self, forKey: .userPrompt)
    }

    /// Rejects a prompt template with a `{{slot}}` that `role` does not fill.
    func checkPrompts(for role: LLMRole, _ decoder: any Decoder) throws {
        for (key, text) in [("system_prompt", systemPrompt), ("user_prompt", userPrompt)] {
            guard let text, let unknown = PromptTemplate.unknownSlots(in: text, for: role).first else { continue }
            try decoder.report(
                path: decoder.keyPath + ["openai", key],
                message: "unknown placeholder '{{\(unknown)}}'; the \(role.rawValue) fills: "
                    + PromptTemplate.Slot.allowed(for: role).map { "{{\($0.rawValue)}}" }.joined(separator: ", "))
        }
    }

    /// The endpoint, with the key read from `environment` (a missing key is an ``InputError``
    /// naming `api_key_env`, unless `needsKey` is false: a replay sends nothing).
    func endpoint(role: LLMRole, environment: [String: String], needsKey: Bool, baseURLOverride: String?) throws
        -> LLMEndpoint
    {
        var key: String?
        if let name = apiKeyEnv {
            key = environment[name].flatMap { $0.isEmpty ? nil : $0 }
            if key == nil && needsKey {
                throw InputError(field: role.keyPath + ".api_key_env", "the environment variable \(name) is not set")
            }
        }
        let base = baseURLOverride ?? baseURL
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw InputError(
                field: "--llm-base-url", "'\(base)' is not an http(s) URL such as http://127.0.0.1:8080/v1")
        }
        return LLMEndpoint(
            baseURL: url, model: model, apiKey: key, maxTokens: maxTokens, temperature: temperature,
            concurrency: concurrency, retries: retries, timeout: timeout)
    }
}
