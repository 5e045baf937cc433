import FlywheelCore

/// A ticket's distinct content tokens (``TextTokens/tokenSet(_:)``) in ascending string order:
/// what the generator reads of the ticket's text, once per text and run
/// (``ArticleAnalysisCache/ticketWords``). Every arm serves the same tickets, and the held-out
/// tickets are generated for at every evaluation.
final class TicketWords: Sendable {
    /// The distinct tokens, ascending (the order ``SentencePrior/value(key:sortedTokens:)``
    /// visits them).
    let sorted: [String]

    init(_ text: String) {
        sorted = TextTokens.tokenSet(text).sorted()
    }
}
