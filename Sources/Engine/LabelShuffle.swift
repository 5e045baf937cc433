import FlywheelCore

/// The shuffled-labels negative control: every label of one training batch permuted across its
/// annotations of the same kind. Shares of each label value are kept; what each label says
/// about its ticket, article or reply is broken. A learner that gains from shuffled labels is
/// learning from exposure (which tickets were annotated, which articles shown), not from the
/// agents.
enum LabelShuffle {
    static func shuffled(_ batch: TrainingBatch, rng: RandomStream) -> TrainingBatch {
        var out = batch
        // Checks: the relevant / not relevant values permuted over the checks. Links (rank 0,
        // "I answered from this article"): the linked articles permuted over the links, so a
        // link names an article some agent linked for some other ticket.
        let checks = batch.relevance.indices.filter { batch.relevance[$0].rank > 0 }
        let links = batch.relevance.indices.filter { batch.relevance[$0].rank == 0 }
        var r = rng.derived("relevance")
        let marks = permutation(checks.count, &r).map { batch.relevance[checks[$0]].relevant }
        for (i, j) in checks.enumerated() { out.relevance[j].relevant = marks[i] }
        var l = rng.derived("links")
        let linked = permutation(links.count, &l).map { batch.relevance[links[$0]].article }
        for (i, j) in links.enumerated() { out.relevance[j].article = linked[i] }
        var p = rng.derived("preference")
        let prefs = permutation(batch.preferences.count, &p).map { batch.preferences[$0].annotation }
        for i in out.preferences.indices {
            out.preferences[i].annotation.choice = prefs[i].choice
            out.preferences[i].annotation.margin = prefs[i].margin
        }
        var a = rng.derived("adoption")
        let adoptions = permutation(batch.adoptions.count, &a).map { batch.adoptions[$0].annotation }
        for i in out.adoptions.indices {
            out.adoptions[i].annotation.outcome = adoptions[i].outcome
            out.adoptions[i].annotation.rationale = adoptions[i].rationale
            out.adoptions[i].annotation.rationaleText = adoptions[i].rationaleText
        }
        return out
    }

    /// A uniform permutation of 0..<n.
    static func permutation(_ n: Int, _ rng: inout RandomStream) -> [Int] {
        var order = Array(0..<n)
        rng.shuffle(&order)
        return order
    }
}
