/// A per-run ceiling on what one role may spend at its endpoint: requests sent (cache hits are
/// free) and tokens the server reported. nil: no ceiling.
public struct LLMBudget: Sendable, Hashable {
    public var requests: Int?
    public var tokens: Int?
    public init(requests: Int?, tokens: Int?) {
        self.requests = requests
        self.tokens = tokens
    }

    /// Why a further request would overspend after `used`, or nil when it may go.
    func refusal(after used: LLMUsage.Counts) -> String? {
        if let requests, used.sent >= requests { return "its budget of \(requests) requests is spent" }
        if let tokens, used.tokens >= tokens { return "its budget of \(tokens) tokens is spent (\(used.tokens) used)" }
        return nil
    }
}
