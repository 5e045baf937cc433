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

    /// Two generations of 1,024 texts per shard (16 shards, at most 32,768 texts): the tickets
    /// of the last few windows and the held-out tickets, whatever the length of the stream.
    static let memo = PureMemo<TicketWords>(shardCapacity: 1_024) { TicketWords($0) }
}
