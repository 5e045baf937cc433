import FlywheelCore

/// A memo of ``ContentTokens`` by text, for the texts the judge sees again and again: article
/// sentences (replies are extractive, and every reply is judged several times — by the agent,
/// by the quality filter's audit, by evaluation) and nugget texts (shared by many tickets). The
/// tokens of a text are a pure function of it, so sharing the memo changes no result.
enum ContentTokensCache {
    /// The one memo all judges share.
    static let shared = PureMemo<ContentTokens>(shardCapacity: 50_000) { ContentTokens($0) }
}
