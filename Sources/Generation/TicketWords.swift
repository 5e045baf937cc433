import FlywheelCore

/// A ticket's distinct content tokens (``TextTokens/tokenSet(_:)``) in ascending string order:
/// what the generator reads of the ticket's text, once per text. Every arm serves the same
/// tickets, and the held-out tickets are generated for at every evaluation.
final class TicketWords: Sendable {
    /// The distinct tokens, ascending (the order ``SentencePrior/value(key:sortedTokens:)``
    /// visits them).
    let sorted: [String]

    init(_ text: String) {
        sorted = TextTokens.tokenSet(text).sorted()
    }

    /// The words of `text`, from the process-wide memo (a pure function of the text, so sharing
    /// it changes no result).
    static func of(_ text: String) -> TicketWords { memo.value(text) }

    /// Room for every ticket of a large corpus (16 shards): a few hundred bytes per ticket.
    static let memo = PureMemo<TicketWords>(shardCapacity: 8_000) { TicketWords($0) }
}
