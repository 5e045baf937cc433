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
/// - **Rule**: per-ticket differences d = candidate − deployed; ship when the one-sided lower
///   bound of mean(d) (Student t) at the test's level is above −`tolerance` and mean(d) > 0;
///   with tolerance 0, only a candidate that is better beyond chance ships. The tests of a job
///   spend α between them (``DeployGateSpending``), so labels without information (zero skill,
///   shuffled) ship anything during a whole run with probability at most α.
/// - **Evidence**: held-out marks accumulate across cycles (the most recent
///   `validationTickets` tickets), and they are never trained on.
/// - A rejected candidate is not thrown away: the engine keeps training it (its training line)
///   and offers it again at the next retraining.
enum DeployGateCheck {
    /// (training batch, validation marks by ticket). Without a gate everything trains.
    static func split(_ batch: TrainingBatch, gate: EngineArm.DeployGate?) -> (
        TrainingBatch, [(Ticket, [ArticleID: Int])]
    ) {
        guard let gate else { return (batch, []) }
        var training = batch
        var validation: [TicketID: [ArticleID: Int]] = [:]
        training.relevance = []
        for mark in batch.relevance {
            if isHeldOut(mark.ticket, gate: gate) {
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

    /// Whether `ticket`'s annotations are held out of training for validation: a keyed draw,
    /// the same for every stage, arm and replicate.
    static func isHeldOut(_ ticket: TicketID, gate: EngineArm.DeployGate) -> Bool {
        var rng = RandomStream(seed: 0, purpose: "deploy-gate", ids: [StableHash.fnv1a(ticket.rawValue)])
        return rng.uniform() < gate.validationShare
    }

    /// Whether a candidate with per-item validation scores `candidate` ships over the deployed
    /// model's `deployed` (the same items): mean(d) > 0 and the one-sided (1 − `level`) lower
    /// bound of mean(d), Student t, above −`tolerance`. Fewer than 2 items, or a level of 0
    /// (no budget left), never ship.
    static func passes(candidate: [Double], deployed: [Double], level: Double, tolerance: Double) -> Bool {
        precondition(candidate.count == deployed.count, "scores of the same items")
        guard candidate.count >= 2, level > 0 else { return false }
        let d = zip(candidate, deployed).map { $0 - $1 }
        // the two-sided (1 − 2·level) interval's lower end is the one-sided (1 − level) bound
        guard let e = MeanEstimate(d, level: 1 - 2 * level), e.mean > 0 else { return false }
        let lower = e.interval?.lower ?? e.mean
        return lower > -tolerance
    }

    /// Condensed nDCG@10 of each validation ticket.
    static func scores(
        _ system: (any LearningRetriever, any LearningReranker), _ labels: [(Ticket, [ArticleID: Int])], _ depth: Int
    ) throws -> [Double] {
        let ndcg = NDCGAtK(k: 10)
        let tickets = labels.map(\.0)
        // the first stage's score parts go along, as in serving: a reranker that reads them
        // computes the same features without scoring every article again
        let candidates = try system.0.retrieve(
            batch: tickets, depth: depth, attachingParts: system.1.readsFirstStageParts)
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
