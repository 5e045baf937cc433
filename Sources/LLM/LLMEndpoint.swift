import Foundation

/// Where and how to call one OpenAI-compatible chat completions endpoint. The scenario's
/// `openai:` block maps onto this (Scenarios/OpenAISpec.swift holds the defaults).
public struct LLMEndpoint: Sendable, Hashable {
    /// Base URL up to and including the API version, e.g. `http://127.0.0.1:8080/v1`; requests go
    /// to `<base_url>/chat/completions`.
    public var baseURL: URL
    public var model: String
    /// The API key, read from the environment when the run starts; never stored or logged.
    public var apiKey: String?
    public var maxTokens: Int
    public var temperature: Double
    /// Requests in flight at once, over every job of the run.
    public var concurrency: Int
    /// Extra attempts after a 429, a 5xx, a timeout, a lost connection or an unreadable body.
    public var retries: Int
    /// Seconds one attempt may take.
    public var timeout: Double
    /// First backoff in seconds; attempt k waits `backoff · 2^k` plus up to as much jitter.
    public var backoff: Double

    public init(
        baseURL: URL, model: String, apiKey: String?, maxTokens: Int, temperature: Double,
        concurrency: Int, retries: Int, timeout: Double, backoff: Double = 0.5
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.concurrency = concurrency
        self.retries = retries
        self.timeout = timeout
        self.backoff = backoff
    }

    var completionsURL: URL { baseURL.appendingPathComponent("chat/completions") }
    var modelsURL: URL { baseURL.appendingPathComponent("models") }
}
