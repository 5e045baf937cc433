import FlywheelCore

/// Retraining the two model lines side by side. The retrieval line (first stage and reranker)
/// and the generator learn from disjoint parts of one batch and read nothing of each other, and
/// each retraining is a pure function of its model and its training batch, so with a second
/// serving thread they are retrained on two threads. The deploy gates' held-out items are known
/// before training (``JobRunner/retrain(at:)`` adds the cycle's to the ledgers first), so each
/// line also computes its gate's evidence on its thread (the retrieval line its candidate's
/// scores; the generator line its candidate's agreements and the deployed generator's), and
/// the deployed retrieval models' scores of the items without a memoised score are a third task,
/// taken by whichever line ends first (the models are immutable values: reading the deployed
/// ones while a candidate is trained from them is safe). The verdicts, the versions and every other state change follow in the same
/// order as before. Results are byte-identical for any thread count. A stage that calls
/// something outside (a plugin process, an endpoint) keeps everything on one thread, in the old
/// order: retrieval line, generator line, the deployed and the candidate retrieval scores, the
/// generator's agreements.
extension JobRunner {
    /// The candidates one retraining makes (nil where the line had nothing to learn from) and
    /// what their deploy gates test.
    struct RetrainedCandidates {
        var retrieval: (any LearningRetriever, any LearningReranker)?
        var generator: (any LearningGenerator)?
        /// The retrieval gate's evidence (``DeployGateCheck/scores(_:_:_:)`` of the ledger's items):
        /// the candidate's scores and the deployed models' of the items after their memoised
        /// ones (``DeployGateLedger/knownDeployedScores(key:)``); nil when there is no test (no
        /// gate, no candidate, fewer than 2 items).
        var retrievalTest: (candidate: [Double], deployedNew: [Double])?
        /// The generator gate's evidence (``GeneratorGateCheck/agreements(_:_:)`` of the ledger's
        /// items): the candidate's (nil: it has no ordering of its own) and the deployed
        /// generator's (nil when the candidate has none, there are fewer than 2 items, or it has
        /// none itself); nil when there is no gate or no candidate.
        var generatorTest: (candidate: [Double]?, deployed: [Double]?)?
    }

    /// The retrieval line retrained on `retrieval` and the generator line on `generation`
    /// (each from its training line when the deploy gate refused the last candidate, else from
    /// the deployed models), with their gates' evidence when `gated`, on two threads when
    /// ``servingThreads`` allows it.
    func retrainedCandidates(retrieval: TrainingBatch?, generation: TrainingBatch?, gated: Bool) throws
        -> RetrainedCandidates
    {
        let base = trainingLine ?? (system.retriever, system.reranker)
        let generatorBase = generatorLine ?? system.generator
        let deployed = (system.retriever, system.reranker)
        let deployedGenerator = system.generator
        let depth = config.retrieverDepth
        // what the gates test: every item in their ledgers
        let retrievalItems = gated && retrieval != nil && retrievalGate.items.count >= 2 ? retrievalGate.items : nil
        let known = retrievalGate.knownDeployedScores(key: retrievalGateKey).count
        let generatorItems = gated && generation != nil ? generatorGate.items : nil

        // The reranker's own copy of the first stage takes the retrained first stage when it
        // is the same model (``FirstStageChange``).
        func retrainRetrieval(_ training: TrainingBatch) throws -> (any LearningRetriever, any LearningReranker) {
            let retriever = try base.0.retrained(with: training)
            return (
                retriever,
                try base.1.retrained(with: training, firstStage: FirstStageChange(before: base.0, after: retriever))
            )
        }
        func deployedScores() throws -> [Double] {
            guard let items = retrievalItems, known < items.count else { return [] }
            return try DeployGateCheck.scores(deployed, Array(items[known...]), depth)
        }
        func retrievalTest(_ candidate: (any LearningRetriever, any LearningReranker), deployedNew: [Double]) throws
            -> (candidate: [Double], deployedNew: [Double])?
        {
            guard let items = retrievalItems else { return nil }
            return (try DeployGateCheck.scores(candidate, items, depth), deployedNew)
        }
        func generatorTest(_ candidate: any LearningGenerator) -> (candidate: [Double]?, deployed: [Double]?)? {
            guard let items = generatorItems else { return nil }
            guard let after = GeneratorGateCheck.agreements(candidate, items) else { return (nil, nil) }
            return (after, items.count >= 2 ? GeneratorGateCheck.agreements(deployedGenerator, items) : nil)
        }

        let outside = base.0.callsOutsideService || base.1.callsOutsideService || generatorBase.callsOutsideService
        guard servingThreads > 1, !outside, let retrieval, let generation else {
            var out = RetrainedCandidates()
            out.retrieval = try retrieval.map(retrainRetrieval)
            out.generator = try generation.map { try generatorBase.retrained(with: $0) }
            if let candidate = out.retrieval, retrievalItems != nil {
                let deployedNew = try deployedScores()
                out.retrievalTest = try retrievalTest(candidate, deployedNew: deployedNew)
            }
            out.generatorTest = out.generator.flatMap(generatorTest)
            return out
        }
        // three tasks on two threads: the deployed models' scores go to whichever line ends first
        let tasks = try WorkPool.orderedMap(count: 3, width: 2, chunk: 1) { task in
            switch task {
            case 0:
                let candidate = try retrainRetrieval(retrieval)
                return (
                    RetrainedCandidates(
                        retrieval: candidate, retrievalTest: try retrievalTest(candidate, deployedNew: [])), [Double]()
                )
            case 1:
                let candidate = try generatorBase.retrained(with: generation)
                return (RetrainedCandidates(generator: candidate, generatorTest: generatorTest(candidate)), [])
            default:
                return (RetrainedCandidates(), try deployedScores())
            }
        }
        return RetrainedCandidates(
            retrieval: tasks[0].0.retrieval, generator: tasks[1].0.generator,
            retrievalTest: tasks[0].0.retrievalTest.map { ($0.candidate, tasks[2].1) },
            generatorTest: tasks[1].0.generatorTest)
    }
}
