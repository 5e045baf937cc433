/// What the first stage became by the change a reranker is about to make too (a retraining on
/// the same batch, a publication of the same articles).
///
/// A reranker that keeps its own copy of the first stage's model (the builtin one keeps a
/// BM25-with-expansion index for its features) may take `after` instead of repeating the work
/// — only when its copy is in exactly `before`'s state and `after` is exactly that state
/// changed this way, so the result is the same model either way. Any other reranker ignores it
/// (the default implementations below).
public struct FirstStageChange {
    public var before: any LearningRetriever
    public var after: any LearningRetriever

    public init(before: any LearningRetriever, after: any LearningRetriever) {
        self.before = before
        self.after = after
    }
}

extension LearningReranker {
    public func retrained(with batch: TrainingBatch, firstStage: FirstStageChange) throws -> Self {
        try retrained(with: batch)
    }

    public func publishing(_ articles: [Article], firstStage: FirstStageChange) throws -> Self {
        try publishing(articles)
    }
}
