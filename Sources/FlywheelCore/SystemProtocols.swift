/// The protocols the engine drives (DESIGN §6). They live here so a user can plug in their own
/// retriever, reranker or generator — one that calls a real model endpoint, say — without the
/// engine knowing the concrete types. None of them ever receives a ``TicketTruth``.

/// First stage: finds candidate articles in the published knowledge base.
public protocol Retriever: Sendable {
    /// The best `depth` published articles for `ticket`, best first.
    func retrieve(_ ticket: Ticket, depth: Int) -> RankedList
}

/// Second stage: reorders the first stage's candidates.
public protocol Reranker: Sendable {
    /// `candidates` reordered, cut to `depth`.
    func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) -> RankedList
}

/// Composes suggested replies from the reranked articles.
public protocol ReplyGenerator: Sendable {
    /// Suggestion A (current policy) and B (challenger) for `ticket` given `articles` in
    /// reranked order. `rng` is the ticket's own stream, for exploration.
    func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> (a: Reply, b: Reply)
}
