import Evaluation
import FlywheelCore

/// The deploy gate: a production-side check that uses only annotations, on by default. A share
/// of the cycle's marked tickets is held out of training; the candidate retriever + reranker
/// ship only if they rank those tickets' articles better than the deployed models, with the
/// agents' marks as labels, by a paired one-sided test.
///
/// - **Metric**: nDCG@10 on *condensed* lists (Sakai 2007): unmarked articles are removed from
///   each ranking before scoring, so a candidate is judged on how it orders what agents
///   marked, not penalised for bringing in articles nobody has judged yet (the deployed model
///   chose what was shown, so unjudged-as-irrelevant would always favour it).
/// - **Rule**: per-ticket differences d = candidate − deployed; ship when the one-sided 95%
///   lower bound of mean(d) (Student t) is above −`tolerance` and mean(d) > 0; with tolerance 0,
///   only a candidate that is better beyond chance ships. Labels without information (zero
///   skill, shuffled) then ship only at the test's 5% false-positive rate.
/// - A rejected candidate is not thrown away: the engine keeps training it (its training line)
///   and offers it again at the next retraining.
enum DeployGateCheck {
    /// (training batch, validation marks by ticket). Without a gate everything trains.
    static func split(_ batch: TrainingBatch, gate: EngineArm.DeployGate?) -> (TrainingBatch, [(Ticket, [ArticleID: Int])]) {
        guard let gate else { return (batch, []) }
        var training = batch
        var validation: [TicketID: [ArticleID: Int]] = [:]
        training.relevance = []
        for mark in batch.relevance {
            var rng = RandomStream(seed: 0, purpose: "deploy-gate", ids: [StableHash.fnv1a(mark.ticket.rawValue)])
            if rng.uniform() < gate.validationShare {
                validation[mark.ticket, default: [:]][mark.article] = mark.relevant ? 1 : 0
            } else {
                training.relevance.append(mark)
            }
        }
        // a ticket informs the comparison only when its marks hold a relevant and a not-relevant article
        let labelled = validation.keys.sorted().compactMap { id -> (Ticket, [ArticleID: Int])? in
            let marks = validation[id]!
            guard let ticket = batch.tickets[id], marks.values.contains(1), marks.values.contains(0) else { return nil }
            return (ticket, marks)
        }
        return (training, labelled)
    }

    /// Whether `candidate` ships over `deployed` (see the type's rule).
    static func passes(
        _ candidate: (any LearningRetriever, any LearningReranker),
        over deployed: (any LearningRetriever, any LearningReranker),
        on validation: [(Ticket, [ArticleID: Int])], gate: EngineArm.DeployGate, depth: Int
    ) throws -> Bool {
        guard validation.count >= 2 else { return false }
        let a = try scores(candidate, validation, depth)
        let b = try scores(deployed, validation, depth)
        let d = zip(a, b).map { $0 - $1 }
        guard let e = MeanEstimate(d, level: 0.90), e.mean > 0 else { return false }
        // the two-sided 90% interval's lower end is the one-sided 95% lower bound
        let lower = e.interval?.lower ?? e.mean
        return lower > -gate.tolerance
    }

    /// Condensed nDCG@10 of each validation ticket.
    static func scores(
        _ system: (any LearningRetriever, any LearningReranker), _ labels: [(Ticket, [ArticleID: Int])], _ depth: Int
    ) throws -> [Double] {
        let ndcg = NDCGAtK(k: 10)
        let tickets = labels.map(\.0)
        let candidates = try system.0.retrieve(batch: tickets, depth: depth, attachingParts: false)
        try StageContract.check(candidates, for: tickets, stage: "retriever")
        let ranked = try system.1.rerank(batch: zip(tickets, candidates).map { ($0, $1) }, depth: depth)
        try StageContract.check(ranked, for: tickets, stage: "reranker")
        return zip(labels, ranked).map { label, ranked in
            let judgments = label.1
            let condensed = ranked.articles.filter { judgments[$0] != nil }
            return ndcg.value(JudgedRanking(ranking: condensed, judgments: judgments))
        }
    }
}
