import Foundation

/// What a run asked of each LLM role: calls (every request, cached or not), cache hits, requests
/// sent, retries and tokens. Printed after a run and written to `llm-usage.json`; not part of
/// metrics.csv, which must not depend on whether answers came from the cache.
public struct LLMUsage: Codable, Sendable, Hashable {
    public struct Counts: Codable, Sendable, Hashable {
        public var calls = 0
        public var cacheHits = 0
        public var sent = 0
        public var retries = 0
        public var tokens = 0
        enum CodingKeys: String, CodingKey {
            case calls, sent, retries, tokens
            case cacheHits = "cache_hits"
        }
    }
    public var roles: [String: Counts] = [:]

    /// One line per role, e.g. `generator: 412 calls, 380 cache hits, 32 sent, 0 retries, 9120 tokens`.
    public var lines: [String] {
        roles.keys.sorted().map { role in
            let c = roles[role]!
            return
                "\(role): \(c.calls) calls, \(c.cacheHits) cache hits, \(c.sent) sent, \(c.retries) retries, \(c.tokens) tokens"
        }
    }
}
