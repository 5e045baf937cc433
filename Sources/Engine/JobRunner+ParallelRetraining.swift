import FlywheelCore

/// Retraining the two model lines side by side. The retrieval line (first stage and reranker)
/// and the generator learn from disjoint parts of one batch and read nothing of each other, and
/// each retraining is a pure function of its model and its training batch, so with a second
/// serving thread they are retrained on two threads; the deploy gates, the versions and every
/// other state change follow in the same order as before. Results are byte-identical for any
/// thread count. A stage that calls something outside (a plugin process, an endpoint) keeps
/// them on one thread, in the old order.
extension JobRunner {
    /// The candidates one retraining makes: nil where the line had nothing to learn from.
    struct RetrainedCandidates {
        var retrieval: (any LearningRetriever, any LearningReranker)?
        var generator: (any LearningGenerator)?
    }

    /// The retrieval line retrained on `retrieval` and the generator line on `generation`
    /// (each from its training line when the deploy gate refused the last candidate, else from
    /// the deployed models), on two threads when ``servingThreads`` allows it.
    func retrainedCandidates(retrieval: TrainingBatch?, generation: TrainingBatch?) throws -> RetrainedCandidates {
        let base = trainingLine ?? (system.retriever, system.reranker)
        let generatorBase = generatorLine ?? system.generator
        // The reranker's own copy of the first stage takes the retrained first stage when it
        // is the same model (``FirstStageChange``).
        func retrainRetrieval(_ training: TrainingBatch) throws -> (any LearningRetriever, any LearningReranker) {
            let retriever = try base.0.retrained(with: training)
            return (
                retriever,
                try base.1.retrained(with: training, firstStage: FirstStageChange(before: base.0, after: retriever))
            )
        }
        let outside = base.0.callsOutsideService || base.1.callsOutsideService || generatorBase.callsOutsideService
        guard servingThreads > 1, !outside, let retrieval, let generation else {
            return RetrainedCandidates(
                retrieval: try retrieval.map(retrainRetrieval),
                generator: try generation.map { try generatorBase.retrained(with: $0) })
        }
        let lines = try WorkPool.orderedMap(count: 2, width: 2, chunk: 1) { line in
            line == 0
                ? RetrainedCandidates(retrieval: try retrainRetrieval(retrieval))
                : RetrainedCandidates(generator: try generatorBase.retrained(with: generation))
        }
        return RetrainedCandidates(retrieval: lines[0].retrieval, generator: lines[1].generator)
    }
}
