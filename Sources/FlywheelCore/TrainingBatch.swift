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

/// A first-stage retriever that learns from relevance checks and indexes newly published articles.
public protocol LearningRetriever: Retriever {
    /// The model after one retraining on `batch`: a pure, deterministic function.
    func retrained(with batch: TrainingBatch) throws -> Self
    /// The model with `articles` added to the published knowledge base.
    func publishing(_ articles: [Article]) throws -> Self
}

/// A reranker that learns from relevance checks.
///
/// It reads its first stage only through what ``Reranker/rerank(_:candidates:depth:)`` hands it
/// (the candidates, their first-stage scores and any ``RankedList/attachment``); whatever else it
/// computes features from (an index of the published articles, say) it keeps itself, published
/// and retrained alongside, so any first stage works under any reranker.
public protocol LearningReranker: Reranker {
    /// The model after one retraining on `batch` (what it reads beside the candidates learns
    /// from the same batch).
    func retrained(with batch: TrainingBatch) throws -> Self
    /// The model with `articles` added to the published knowledge base, weights unchanged.
    func publishing(_ articles: [Article]) throws -> Self
    /// ``retrained(with:)`` beside a first stage that went from `firstStage.before` to
    /// `firstStage.after` on the same batch (``FirstStageChange``).
    func retrained(with batch: TrainingBatch, firstStage: FirstStageChange) throws -> Self
    /// ``publishing(_:)`` beside a first stage that went from `firstStage.before` to
    /// `firstStage.after` by publishing the same articles (``FirstStageChange``).
    func publishing(_ articles: [Article], firstStage: FirstStageChange) throws -> Self
}

/// A reply generator that learns from preferences and adoption.
public protocol LearningGenerator: ReplyGenerator {
    /// The model after one retraining on `batch`: a pure, deterministic function.
    func retrained(with batch: TrainingBatch) throws -> Self
    /// The generator's own ordering of replies to `ticket` (compared lexicographically, higher
    /// is better): what the deploy gate checks against agents' held-out preferences and
    /// adoptions. nil (the default) means the generator has no such ordering, and a retrained
    /// one ships unchecked.
    func appraisal(of reply: Reply, for ticket: Ticket) -> [Double]?
}

extension LearningGenerator {
    public func appraisal(of reply: Reply, for ticket: Ticket) -> [Double]? { nil }
}
