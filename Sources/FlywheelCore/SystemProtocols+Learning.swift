// The learning forms of the stage protocols of SystemProtocols.swift: what retrains on a
// `TrainingBatch` (annotations only, never a `TicketTruth`).

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
