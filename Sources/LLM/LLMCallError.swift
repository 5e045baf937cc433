/// Why one call to a chat completions endpoint failed. 429, 5xx, transport failures (timeouts,
/// refused or lost connections, truncated bodies) and unreadable bodies are worth retrying;
/// other HTTP statuses (a bad key, an unknown model) are not.
public enum LLMCallError: Error, Sendable, Equatable, CustomStringConvertible {
    case http(status: Int, body: String)
    case transport(String)
    case malformed(String)

    public var isRetryable: Bool {
        switch self {
        case .http(let status, _): status == 429 || (500...599).contains(status)
        case .transport, .malformed: true
        }
    }

    public var description: String {
        switch self {
        case .http(let status, let body):
            let hint = status == 401 || status == 403 ? " (the server refused the API key)" : ""
            return "HTTP \(status)\(hint)" + (body.isEmpty ? "" : ": " + String(body.prefix(160)))
        case .transport(let message): return message
        case .malformed(let message): return "not a chat completion: " + message
        }
    }
}
