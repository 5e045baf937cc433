import FlywheelCore
import Generation
import Retrieval

/// The concrete system under test — BM25 with learned expansion, the pairwise reranker and the
/// extractive generator — behind the engine's learning protocols.
struct ExpansionRetriever: LearningRetriever {
    var inner: LearnedRetriever

    func retrieve(_ ticket: Ticket, depth: Int) -> RankedList { inner.retrieve(ticket, depth: depth) }

    func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) -> RankedList {
        inner.retrieve(ticket, depth: depth, attachingParts: attachingParts)
    }

    func retrained(with batch: TrainingBatch) -> ExpansionRetriever {
        guard !batch.relevance.isEmpty else { return self }
        var copy = self
        copy.inner.retrain(with: batch.relevance, tickets: batch.tickets, at: batch.time)
        return copy
    }

    func publishing(_ articles: [Article]) -> ExpansionRetriever {
        var copy = self
        copy.inner.publish(contentsOf: articles)
        return copy
    }
}

struct RankNetReranker: LearningReranker {
    var inner: PairwiseReranker

    func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) -> RankedList {
        inner.rerank(ticket, candidates: candidates, depth: depth)
    }

    var readsFirstStageParts: Bool { inner.readsFirstStageParts }

    func retrained(with batch: TrainingBatch, firstStage: any LearningRetriever) -> RankNetReranker {
        var copy = following(firstStage)
        if !batch.relevance.isEmpty {
            copy.inner = copy.inner.retrained(with: batch.relevance, tickets: batch.tickets, at: batch.time)
        }
        return copy
    }

    func following(_ firstStage: any LearningRetriever) -> RankNetReranker {
        guard let stage = firstStage as? ExpansionRetriever else { return self }
        var copy = self
        copy.inner.use(retriever: stage.inner)
        return copy
    }
}

struct LearningExtractiveGenerator: LearningGenerator {
    var inner: ExtractiveGenerator

    func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) -> (a: Reply, b: Reply) {
        inner.suggest(for: ticket, articles: articles, rng: &rng)
    }

    func retrained(with batch: TrainingBatch) -> LearningExtractiveGenerator {
        guard !batch.preferences.isEmpty || !batch.adoptions.isEmpty else { return self }
        let preferences = batch.preferences.map {
            PreferenceExample(ticket: $0.served.ticket, a: $0.served.a, b: $0.served.b, annotation: $0.annotation)
        }
        let adoptions = batch.adoptions.map {
            AdoptionExample(ticket: $0.served.ticket, reply: $0.served.a, annotation: $0.annotation)
        }
        return LearningExtractiveGenerator(inner: inner.retrained(preferences: preferences, adoptions: adoptions, at: batch.time))
    }

    func appraisal(of reply: Reply, for ticket: Ticket) -> [Double]? { inner.appraisal(of: reply, for: ticket) }
}
