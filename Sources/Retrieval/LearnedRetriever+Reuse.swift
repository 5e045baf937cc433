import FlywheelCore

/// Taking another copy's identical work instead of repeating it.
///
/// Two retrievers built from the same articles, settings and model and changed by the same
/// retrainings and publications are the same model: every change is a pure function of the
/// state and the change, and ``LearnedRetriever/compiledState`` identifies the sequence
/// (the same token ``FirstStageParts`` relies on). So when `self` is in the state `before`
/// was in, and `after` is `before`'s state changed exactly this way, `after` is what doing
/// the change on `self` would give.
extension LearnedRetriever {
    /// `self` retrained on `annotations` (``retrain(with:tickets:at:)``), taken from `after`
    /// when `before` → `after` was that very retraining from `self`'s state; `tickets` must be
    /// the ones `after` was retrained with.
    public func retrained(
        with annotations: [RelevanceAnnotation], tickets: [TicketID: Ticket], at time: Timestamp?,
        reusing before: LearnedRetriever, _ after: LearnedRetriever
    ) -> LearnedRetriever {
        if sameLayout(before, after), compiledState == before.compiledState,
            after.compiledState == compiledState.after(Change.retrain(annotations, time))
        {
            return after
        }
        var copy = self
        copy.retrain(with: annotations, tickets: tickets, at: time)
        return copy
    }

    /// `self` with `articles` published (``publish(contentsOf:)``), taken from `after` when
    /// `before` → `after` was that very publication from `self`'s state.
    public func publishing(
        contentsOf articles: [Article], reusing before: LearnedRetriever, _ after: LearnedRetriever
    ) -> LearnedRetriever {
        if !articles.isEmpty, sameLayout(before, after), compiledState == before.compiledState,
            after.compiledState == compiledState.after(Change.publish(articles))
        {
            return after
        }
        var copy = self
        copy.publish(contentsOf: articles)
        return copy
    }

    /// Whether `before`, `after` and `self` keep the same postings layouts (pruning prepared
    /// or not), which the state token does not record.
    private func sameLayout(_ before: LearnedRetriever, _ after: LearnedRetriever) -> Bool {
        index.keepsFlatPostings == before.index.keepsFlatPostings
            && index.keepsFlatPostings == after.index.keepsFlatPostings
    }
}
