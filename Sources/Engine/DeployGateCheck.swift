import Evaluation
import FlywheelCore

/// The optional deploy gate: a production-side check that uses only annotations. A share of the
/// cycle's marked tickets is held out of training; the candidate retriever + reranker ship only
/// if their nDCG@10 on those tickets, with the agents' marks as labels (relevant = 1, marked not
/// relevant = 0, unmarked = unjudged), is within `tolerance` of the deployed models'.
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
        let labelled = validation.keys.sorted().compactMap { id -> (Ticket, [ArticleID: Int])? in
            guard let ticket = batch.tickets[id], validation[id]!.values.contains(1) else { return nil }
            return (ticket, validation[id]!)
        }
        return (training, labelled)
    }

    static func passes(
        _ candidate: (any LearningRetriever, any LearningReranker),
        over deployed: (any LearningRetriever, any LearningReranker),
        on validation: [(Ticket, [ArticleID: Int])], gate: EngineArm.DeployGate, depth: Int
    ) -> Bool {
        guard !validation.isEmpty else { return true }
        return score(candidate, validation, depth) >= score(deployed, validation, depth) - gate.tolerance
    }

    static func score(
        _ system: (any LearningRetriever, any LearningReranker), _ labels: [(Ticket, [ArticleID: Int])], _ depth: Int
    ) -> Double {
        let ndcg = NDCGAtK(k: 10)
        var total = 0.0
        for (ticket, judgments) in labels {
            let candidates = system.0.retrieve(ticket, depth: depth)
            let ranked = system.1.rerank(ticket, candidates: candidates, depth: candidates.count)
            total += ndcg.value(JudgedRanking(ranking: ranked.articles, judgments: judgments))
        }
        return total / Double(labels.count)
    }
}
