/// What the system under test showed an agent for one ticket: the reranked articles and the two
/// suggested replies. Training examples refer back to it.
public struct ServedSuggestion: Sendable, Hashable {
    public var ticket: Ticket
    /// The reranked list the agent saw (top-8 by default).
    public var shown: RankedList
    public var a: Reply
    public var b: Reply
    public init(ticket: Ticket, shown: RankedList, a: Reply, b: Reply) {
        self.ticket = ticket
        self.shown = shown
        self.a = a
        self.b = b
    }
}

/// The filtered annotations of one retraining cycle, joined with what was shown. This is all a
/// model may learn from: it holds tickets as production sees them and the agents' labels, never
/// a ``TicketTruth``.
public struct TrainingBatch: Sendable {
    public var iteration: Int
    /// The simulated time of this retraining (nil: unknown). Learners that forget discount each
    /// annotation by its ticket's age at this time, so forgetting is per unit of time.
    public var time: Timestamp?
    /// Every ticket an annotation below refers to.
    public var tickets: [TicketID: Ticket]
    public var relevance: [RelevanceAnnotation]
    public var preferences: [(served: ServedSuggestion, annotation: PreferenceAnnotation)]
    public var adoptions: [(served: ServedSuggestion, annotation: AdoptionAnnotation)]

    public init(
        iteration: Int, time: Timestamp? = nil, tickets: [TicketID: Ticket] = [:],
        relevance: [RelevanceAnnotation] = [],
        preferences: [(served: ServedSuggestion, annotation: PreferenceAnnotation)] = [],
        adoptions: [(served: ServedSuggestion, annotation: AdoptionAnnotation)] = []
    ) {
        self.iteration = iteration
        self.time = time
        self.tickets = tickets
        self.relevance = relevance
        self.preferences = preferences
        self.adoptions = adoptions
    }

    public var isEmpty: Bool { relevance.isEmpty && preferences.isEmpty && adoptions.isEmpty }
}
