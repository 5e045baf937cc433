import FlywheelCore

extension SimulatedAgent {
    /// Relevance marks for the articles the agent checks (see ``RelevanceBehaviour``). Each
    /// article's mark has its own stream, keyed by its shown rank.
    func checkRelevance(
        shown: ShownSuggestion, truth: TicketTruth, published: (ArticleID) -> Bool, fatigue f: Double, rng: RandomStream
    ) -> [RelevanceAnnotation] {
        let r = persona.relevance
        let n = min(r.checks, shown.articles.count)
        guard n > 0 else { return [] }
        var positions = Array(shown.articles.indices)
        if (r.pick ?? .top) == .random {
            var shuffle = rng.derived("pick")
            for i in stride(from: positions.count - 1, to: 0, by: -1) {
                positions.swapAt(i, shuffle.int(below: i + 1))
            }
        }
        let sensitivity = 0.5 + (r.sensitivity - 0.5) * f
        let specificity = 0.5 + (r.specificity - 0.5) * f
        var marks = positions.prefix(n).sorted().map { i in
            let article = shown.articles[i]
            var draw = rng.derived("mark", UInt64(i))
            let isRelevant = (truth.relevant[article] ?? 0) > 0
            let marked = isRelevant ? draw.bernoulli(sensitivity) : !draw.bernoulli(specificity)
            return RelevanceAnnotation(ticket: shown.ticket.id, agent: id, article: article, rank: i + 1, relevant: marked)
        }
        if let link = r.linkMissed, link > 0 {
            let shownSet = Set(shown.articles)
            let missed = truth.relevant.filter { $0.value >= 2 && !shownSet.contains($0.key) && published($0.key) }
                .keys.sorted()
            for (j, article) in missed.enumerated() {
                var draw = rng.derived("link", UInt64(j))
                if draw.bernoulli(link * f) {
                    marks.append(RelevanceAnnotation(ticket: shown.ticket.id, agent: id, article: article, rank: 0, relevant: true))
                }
            }
        }
        return marks
    }

    /// A missing-knowledge flag, or nil (see ``MissingKnowledgeBehaviour``). The topic named is
    /// that of the most needed unpublished article (highest grade, then id), or for a false
    /// flag that of the top shown article.
    func flagMissing(
        shown: ShownSuggestion, truth: TicketTruth, published: (ArticleID) -> Bool,
        topic: (ArticleID) -> String?, fatigue f: Double, rng: inout RandomStream
    ) -> MissingKnowledgeAnnotation? {
        let m = persona.missingKnowledge
        let missing = truth.relevant.filter { $0.value > 0 && !published($0.key) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let p = missing.isEmpty ? m.falseFlag : m.detection * f
        guard rng.bernoulli(p) else { return nil }
        let about = missing.first?.key ?? shown.articles.first
        return MissingKnowledgeAnnotation(ticket: shown.ticket.id, agent: id, topic: about.flatMap(topic))
    }
}
