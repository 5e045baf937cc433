import FlywheelCore
import Generation
import Retrieval

/// The concrete system under test — BM25 with learned expansion, the pairwise reranker and the
/// extractive generator — behind the engine's learning protocols.
struct ExpansionRetriever: LearningRetriever {
    var inner: LearnedRetriever
    /// Whether retraining runs. False only for a first stage served alone (`flywheel plugin
    /// serve retriever`) with expansion strength 0: its ranking is BM25's whatever the model
    /// learns (``LearnedRetriever``) and nothing else reads its model, so the retraining would
    /// be work without effect. A builtin first stage always learns: the reranker's features read
    /// its expansion scores before `strength` and take its retrained index.
    var learns = true

    func retrieve(_ ticket: Ticket, depth: Int) -> RankedList { inner.retrieve(ticket, depth: depth) }

    func retrieve(_ ticket: Ticket, depth: Int, attachingParts: Bool) -> RankedList {
        inner.retrieve(ticket, depth: depth, attachingParts: attachingParts)
    }

    func retrained(with batch: TrainingBatch) -> ExpansionRetriever {
        guard learns, !batch.relevance.isEmpty else { return self }
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

/// The pairwise reranker. Its features read a lexical index of the published articles (BM25 and
/// learned-expansion score parts, title and bigram matches) that it keeps itself — published and
/// retrained from the same batches as a builtin first stage, so beside one it reads the very
/// state that stage searched (and reuses the parts it attached); beside any other first stage
/// it still reads a current index instead of a stale one.
struct RankNetReranker: LearningReranker {
    var inner: PairwiseReranker

    func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) -> RankedList {
        inner.rerank(ticket, candidates: candidates, depth: depth)
    }

    var readsFirstStageParts: Bool { inner.readsFirstStageParts }

    func retrained(with batch: TrainingBatch) -> RankNetReranker {
        guard !batch.relevance.isEmpty else { return self }
        var copy = self
        copy.inner = copy.inner.retrained(with: batch.relevance, tickets: batch.tickets, at: batch.time)
        var features = copy.inner.retriever
        features.retrain(with: batch.relevance, tickets: batch.tickets, at: batch.time)
        copy.inner.use(retriever: features)
        return copy
    }

    func publishing(_ articles: [Article]) -> RankNetReranker {
        var copy = self
        var features = copy.inner.retriever
        features.publish(contentsOf: articles)
        copy.inner.use(retriever: features)
        return copy
    }

    /// ``retrained(with:)``, taking the builtin first stage's retrained index when the
    /// reranker's copy was in the same state (``LearnedRetriever/retrained(with:tickets:at:reusing:_:)``):
    /// the same model without retraining it twice.
    func retrained(with batch: TrainingBatch, firstStage: FirstStageChange) -> RankNetReranker {
        guard !batch.relevance.isEmpty else { return self }
        guard let before = firstStage.before as? ExpansionRetriever, let after = firstStage.after as? ExpansionRetriever
        else { return retrained(with: batch) }
        var copy = self
        copy.inner = copy.inner.retrained(with: batch.relevance, tickets: batch.tickets, at: batch.time)
        copy.inner.use(
            retriever: copy.inner.retriever.retrained(
                with: batch.relevance, tickets: batch.tickets, at: batch.time, reusing: before.inner, after.inner))
        return copy
    }

    /// ``publishing(_:)``, taking the builtin first stage's grown index when the reranker's
    /// copy was in the same state.
    func publishing(_ articles: [Article], firstStage: FirstStageChange) -> RankNetReranker {
        guard let before = firstStage.before as? ExpansionRetriever, let after = firstStage.after as? ExpansionRetriever
        else { return publishing(articles) }
        var copy = self
        copy.inner.use(
            retriever: copy.inner.retriever.publishing(contentsOf: articles, reusing: before.inner, after.inner))
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
        return LearningExtractiveGenerator(
            inner: inner.retrained(preferences: preferences, adoptions: adoptions, at: batch.time))
    }

    func appraisal(of reply: Reply, for ticket: Ticket) -> [Double]? { inner.appraisal(of: reply, for: ticket) }
}
