import FlywheelCore
import WorldTruth

extension SimulatedAgent {
    /// Relevance marks for the articles the agent checks (see ``RelevanceBehaviour``), then the
    /// links found by the agent's own search. Each article's mark has its own stream, keyed by
    /// its shown rank.
    ///
    /// Truth access: a mark reads `truth.relevant[article] > 0` through sensitivity and
    /// specificity (0.5 / 0.5 → independent of the truth). Links read the truth only through
    /// `search_skill` (see ``link(shown:truth:library:fatigue:rng:)``).
    func checkRelevance(
        shown: ShownSuggestion, truth: TicketTruth, published: (ArticleID) -> Bool, library: [ArticleID],
        fatigue f: Double, rng: RandomStream
    ) -> [RelevanceAnnotation] {
        let r = persona.relevance
        let n = min(r.checks, shown.articles.count)
        var marks: [RelevanceAnnotation] = []
        if n > 0 {
            var positions = Array(shown.articles.indices)
            if (r.pick ?? .top) == .random {
                var shuffle = rng.derived("pick")
                shuffle.shuffle(&positions)
            }
            let sensitivity = 0.5 + (r.sensitivity - 0.5) * f
            let specificity = 0.5 + (r.specificity - 0.5) * f
            marks = positions.prefix(n).sorted().map { i in
                let article = shown.articles[i]
                var draw = rng.derived("mark", UInt64(i))
                let isRelevant = (truth.relevant[article] ?? 0) > 0
                let marked = isRelevant ? draw.bernoulli(sensitivity) : !draw.bernoulli(specificity)
                return RelevanceAnnotation(
                    ticket: shown.ticket.id, agent: id, article: article, rank: i + 1, relevant: marked)
            }
        }
        if let link = r.linkMissed, link > 0 {
            let found = links(
                shown: shown, truth: truth, published: published, library: library, rate: link, fatigue: f,
                rng: rng.derived("search"))
            marks += found.map {
                RelevanceAnnotation(ticket: shown.ticket.id, agent: id, article: $0, rank: 0, relevant: true)
            }
        }
        return marks
    }

    /// The articles the agent links as "the one I answered from" after searching the knowledge
    /// base itself, when it judges that the list missed the answer.
    ///
    /// With search skill `s` (× fatigue) the agent *knows* (probability `s`, one draw per ticket)
    /// or *guesses*:
    /// - knowing, it searches when a needed (grade ≥ 2) published article was not shown, and for
    ///   each such article finds it with probability `link_missed`;
    /// - guessing, it searches with probability `link_missed × guess_rate` whatever the truth
    ///   (``RelevanceBehaviour/guessRate``) and links one uniformly random published article.
    /// When knowing, each found article is the needed one with probability `s` again, else a
    /// plausible wrong one: its published near-duplicate (a conflicting twin) when there is one,
    /// else a random published article. So `s = 1` links exactly what the truth says and `s = 0`
    /// links articles independent of the truth.
    func links(
        shown: ShownSuggestion, truth: TicketTruth, published: (ArticleID) -> Bool, library: [ArticleID],
        rate: Double, fatigue f: Double, rng: RandomStream
    ) -> [ArticleID] {
        let s = (persona.relevance.searchSkill ?? 1) * f
        // every decision of the search, in a fixed order, from one stream
        var r = rng.derived("draws")
        func randomPublished() -> ArticleID? {
            if !library.isEmpty { return library[r.int(below: library.count)] }
            return shown.articles.isEmpty ? nil : shown.articles[r.int(below: shown.articles.count)]
        }
        guard r.bernoulli(s) else {
            guard r.bernoulli(rate * RelevanceBehaviour.guessRate) else { return [] }
            return randomPublished().map { [$0] } ?? []
        }
        let shownSet = Set(shown.articles)
        let missed = truth.relevant.filter { $0.value >= 2 && !shownSet.contains($0.key) && published($0.key) }
            .keys.sorted()
        var out: [ArticleID] = []
        for article in missed {
            guard r.bernoulli(rate * f) else { continue }
            if r.bernoulli(s) {
                out.append(article)
            } else if let twin = truth.conflicting.sorted().first(where: { published($0) && !shownSet.contains($0) }) {
                out.append(twin)
            } else if let other = randomPublished() {
                out.append(other)
            }
        }
        return out
    }

    /// A missing-knowledge flag, or nil (see ``MissingKnowledgeBehaviour``): with probability
    /// `detection × f` when a relevant article is unpublished, `false_flag` otherwise. The flag
    /// carries the ticket and a note in the ticket's own words (``flagNote(_:)``), never an
    /// article or a topic: what to write is the authors' job (the engine's authoring queue).
    func flagMissing(
        shown: ShownSuggestion, truth: TicketTruth, published: (ArticleID) -> Bool,
        fatigue f: Double, rng: inout RandomStream
    ) -> MissingKnowledgeAnnotation? {
        let m = persona.missingKnowledge
        let lacking = truth.relevant.contains { $0.value > 0 && !published($0.key) }
        let p = lacking ? m.detection * f : m.falseFlag
        guard rng.bernoulli(p) else { return nil }
        return MissingKnowledgeAnnotation(ticket: shown.ticket.id, agent: id, note: Self.flagNote(shown.ticket.text))
    }

    /// The note on a flag: the ticket's first six distinct content words, in order.
    static func flagNote(_ text: String) -> String {
        var seen = Set<String>()
        var words: [String] = []
        for raw in ContentTokens.split(text) where !ContentTokens.stopWords.contains(raw) && raw.count >= 3 {
            if seen.insert(raw).inserted { words.append(raw) }
            if words.count == 6 { break }
        }
        return words.joined(separator: " ")
    }
}
