/// The protocols the engine drives (README, "Bring your own system"). They live here so a user can plug in their own
/// retriever, reranker or generator — one that calls a real model endpoint, or a process that
/// speaks docs/protocol.md — without the engine knowing the concrete types. None of them ever
/// receives a ``TicketTruth``.
///
/// Every call may throw: a stage behind a process or an endpoint can fail, and the run then
/// ends with that error instead of scoring an empty list. The engine asks for whole windows at
/// once (every ticket served between two retrainings or publications) through the batch forms,
/// whose defaults loop over the single forms; a stage with a costly boundary overrides them.

/// First stage: finds candidate articles in the published knowledge base.
public protocol Retriever: Sendable {
    /// The best `depth` published articles for `ticket`, best first.
    func retrieve(_ ticket: Ticket, depth: Int) throws -> RankedList
    /// ``retrieve(_:depth:)``, with the per-candidate work a second stage would repeat
    /// attached to the list when `attachingParts` (the engine asks for it when the reranker
    /// ``Reranker/readsFirstStageParts``). The entries are the same either way. The default
    /// attaches nothing.
    func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) throws -> RankedList
    /// ``retrieve(_:depth:attachingParts:)`` for each of `tickets`, in order.
    func retrieve(batch tickets: [Ticket], depth: Int, attachingParts: Bool) throws -> [RankedList]
    /// Whether the stage calls something outside the process with state of its own (a plugin
    /// process, an endpoint with a budget, a failure latch or a recording), whose outcome could
    /// depend on the order or overlap of calls. The engine then asks it for a whole batch from
    /// one thread; otherwise it may split a batch across its serving threads (the stage must
    /// then be a pure function of its model and the request). Default false.
    var callsOutsideService: Bool { get }
}

extension Retriever {
    public var callsOutsideService: Bool { false }

    public func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) throws -> RankedList {
        try retrieve(ticket, depth: depth)
    }

    public func retrieve(batch tickets: [Ticket], depth: Int, attachingParts: Bool) throws -> [RankedList] {
        try tickets.map { try retrieve($0, depth: depth, attachingParts: attachingParts) }
    }
}

/// Second stage: reorders the first stage's candidates.
public protocol Reranker: Sendable {
    /// `candidates` reordered, cut to `depth`.
    func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) throws -> RankedList
    /// Whether ``rerank(_:candidates:depth:)`` would use parts its first stage attached to the
    /// candidates (``RankedList/attachment``); it must give the same list without them. The
    /// default is false.
    var readsFirstStageParts: Bool { get }
    /// ``rerank(_:candidates:depth:)`` for each (ticket, candidates) pair, in order.
    func rerank(batch items: [(ticket: Ticket, candidates: RankedList)], depth: Int) throws -> [RankedList]
    /// See ``Retriever/callsOutsideService``.
    var callsOutsideService: Bool { get }
}

extension Reranker {
    public var callsOutsideService: Bool { false }
    public var readsFirstStageParts: Bool { false }

    public func rerank(batch items: [(ticket: Ticket, candidates: RankedList)], depth: Int) throws -> [RankedList] {
        try items.map { try rerank($0.ticket, candidates: $0.candidates, depth: depth) }
    }
}

/// What a generator is asked for one ticket: the ticket, the reranked articles, and the ticket's
/// own random stream (for exploration).
public struct GenerationRequest: Sendable {
    public var ticket: Ticket
    public var articles: [Article]
    public var rng: RandomStream
    public init(ticket: Ticket, articles: [Article], rng: RandomStream) {
        self.ticket = ticket
        self.articles = articles
        self.rng = rng
    }
}

/// Composes suggested replies from the reranked articles.
public protocol ReplyGenerator: Sendable {
    /// Suggestion A (current policy) and B (challenger) for `ticket` given `articles` in
    /// reranked order. `rng` is the ticket's own stream, for exploration.
    func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) throws -> (a: Reply, b: Reply)
    /// ``suggest(for:articles:rng:)`` for each request, in order.
    func suggest(batch requests: [GenerationRequest]) throws -> [(a: Reply, b: Reply)]
    /// See ``Retriever/callsOutsideService``.
    var callsOutsideService: Bool { get }
}

extension ReplyGenerator {
    public var callsOutsideService: Bool { false }

    public func suggest(batch requests: [GenerationRequest]) throws -> [(a: Reply, b: Reply)] {
        try requests.map { request in
            var rng = request.rng
            return try suggest(for: request.ticket, articles: request.articles, rng: &rng)
        }
    }
}
