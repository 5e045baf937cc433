import FlywheelCore
import Foundation

/// One message of a chat completion request.
public struct ChatMessage: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable, CaseIterable { case system, user, assistant }
    public var role: Role
    public var content: String
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// The body of an OpenAI-compatible `POST /chat/completions` request. Its canonical JSON (sorted
/// keys, no escaped slashes) is both what is sent and what the record/replay cache hashes: the
/// same body always gets the same recorded answer, whatever server URL it went to.
public struct ChatRequest: Codable, Sendable, Hashable {
    public var model: String
    public var messages: [ChatMessage]
    public var maxTokens: Int
    public var temperature: Double
    /// Sampling seed: servers that honour it (llama.cpp, vLLM, OpenAI) answer a repeated request
    /// alike; Flywheel derives it from (seed, replicate, ticket), never from time.
    public var seed: UInt64

    public init(model: String, messages: [ChatMessage], maxTokens: Int, temperature: Double, seed: UInt64) {
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, seed
        case maxTokens = "max_tokens"
    }

    /// The request as sent: compact JSON with sorted keys.
    public var canonicalJSON: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, integers and finite doubles cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// SHA-256 (hex) of ``canonicalJSON``: the record/replay cache key.
    public var key: String {
        var hash = SHA256()
        hash.update([UInt8](canonicalJSON))
        return hash.finalizeHex()
    }
}

/// What a chat completion answered: the first choice's text and the token counts the server
/// reported (0 when it reported none).
public struct ChatAnswer: Codable, Sendable, Hashable {
    public var content: String
    public var promptTokens: Int
    public var completionTokens: Int
    public init(content: String, promptTokens: Int, completionTokens: Int) {
        self.content = content
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
    enum CodingKeys: String, CodingKey {
        case content
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
    }
    public var totalTokens: Int { promptTokens + completionTokens }
}
