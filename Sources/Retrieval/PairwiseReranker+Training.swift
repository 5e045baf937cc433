import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PairwiseReranker {
    /// The reranker after one retraining on new relevance marks. Pure and deterministic: the
    /// features of each marked pair are computed with this reranker's current first stage and
    /// priors (what was in force when the ticket was served), then SGD continues from the current
    /// weights over every (relevant, not relevant) pair of the same ticket, in an order drawn
    /// from `RandomStream(seed, "reranker-sgd", [generation, epoch])`; finally the priors take
    /// in the new marks. Only marks at ranks ≤ ``RerankerConfiguration/shownDepth`` form pairs
    /// (see there why); all marks feed the priors. Marks of tickets missing from `tickets` are ignored; an article marked
    /// both ways for one ticket counts by majority (a tie drops it).
    public func retrained(
        with annotations: [RelevanceAnnotation], tickets: [TicketID: Ticket], at time: Timestamp? = nil
    ) -> PairwiseReranker {
        let c = configuration
        var next = self
        next.generation += 1
        if time != nil { next.trainedAt = time }
        var byTicket: [TicketID: [ArticleID: Int]] = [:]
        // Rank 0 marks an article the agent linked from outside the shown list: not a pair.
        for mark in annotations where tickets[mark.ticket] != nil && (1...max(1, c.shownDepth)).contains(mark.rank) {
            byTicket[mark.ticket, default: [:]][mark.article, default: 0] += mark.relevant ? 1 : -1
        }
        // Every mark of a ticket, at any rank, tells which of its first-stage candidates are
        // relevant: the validation's answer key (see `validationStep`).
        var relevantAnyRank: [TicketID: [ArticleID: Int]] = [:]
        for mark in annotations where tickets[mark.ticket] != nil {
            relevantAnyRank[mark.ticket, default: [:]][mark.article, default: 0] += mark.relevant ? 1 : -1
        }
        let folds = c.validationFolds
        let validating = folds > 1
        // Feature differences (relevant − not relevant) of every pair, and of the rank prior,
        // with the fold of the pair's ticket; and each validation ticket's candidates.
        var pairs: [Pair] = []
        var examples: [[Double]] = []
        var validation: [ValidationTicket] = []
        let asked = validating ? Set(byTicket.keys).union(relevantAnyRank.keys) : Set(byTicket.keys)
        for ticketID in asked.sorted() {
            guard let ticket = tickets[ticketID] else { continue }
            let votes = byTicket[ticketID] ?? [:]
            let positives = votes.keys.filter { votes[$0]! > 0 }.sorted()
            let negatives = votes.keys.filter { votes[$0]! < 0 }.sorted()
            let fold = validating ? Int(StableHash.fnv1a(ticketID.rawValue) % UInt64(folds)) : 0
            let relevant = (relevantAnyRank[ticketID] ?? [:]).filter { $0.value > 0 }
            let hasPairs = !positives.isEmpty && !negatives.isEmpty
            guard hasPairs || (validating && !relevant.isEmpty) else { continue }
            let firstStage = retriever.retrieve(ticket, depth: c.firstStageDepth).articles
            let extractor = RerankFeatureExtractor(
                ticket: ticket, retriever: retriever, priors: priors, priorByDocument: priorByDocument)
            if validating {
                let hits = Set(firstStage.indices.filter { relevant[firstStage[$0]] != nil })
                if !hits.isEmpty {
                    validation.append(
                        ValidationTicket(
                            fold: fold,
                            candidates: firstStage.indices.map { extractor.features(firstStage[$0], rank: $0 + 1) },
                            relevant: hits))
                }
            }
            guard hasPairs else { continue }
            func vector(_ a: ArticleID) -> (x: [Double], prior: Double) {
                let rank = (firstStage.firstIndex(of: a) ?? c.firstStageDepth) + 1
                return (extractor.features(a, rank: rank), -c.rankPrior * RankLogarithm.of(rank))
            }
            let pos = positives.map(vector)
            let neg = negatives.map(vector)
            examples += pos.map(\.x) + neg.map(\.x)
            for p in pos {
                for n in neg {
                    pairs.append(Pair(difference: zip(p.x, n.x).map { $0 - $1 }, prior: p.prior - n.prior, fold: fold))
                }
            }
        }
        let marks = annotations.filter { tickets[$0.ticket] != nil }
        let keep = HalfLife.retention(from: trainedAt, to: time, halfLifeDays: c.priorHalfLifeDays)
        next.priors = priors.updated(with: marks, keep: keep) { mark in
            HalfLife.retention(from: tickets[mark.ticket]?.createdAt, to: time, halfLifeDays: c.priorHalfLifeDays)
        }
        guard !pairs.isEmpty else { return next }
        // Rescale to this batch's spread (features such as the expansion score grow as the
        // first stage learns), converting the weights so the scoring function is unchanged.
        let fresh = Self.inverseStandardDeviations(examples)
        let old = scales ?? fresh.map { $0 ?? 1 }
        let scale = fresh.indices.map { fresh[$0] ?? old[$0] }
        let w = weights.indices.map { weights[$0] * old[$0] / scale[$0] }
        next.scales = scale
        let learn = RerankFeature.allCases.map { !c.frozen.contains($0) }
        let trained = Self.descend(
            from: w, on: pairs[...], scale: scale, learn: learn, configuration: c, stream: [UInt64(generation)])
        let step = validationStep(from: w, pairs: pairs, validation: validation, scale: scale, learn: learn)
        next.weights = w.indices.map { w[$0] + step * (trained[$0] - w[$0]) }
        return next
    }

    /// One training pair: feature differences (relevant − not relevant), the difference of their
    /// rank priors, and the fold of its ticket.
    struct Pair {
        var difference: [Double]
        var prior: Double
        var fold: Int
    }

    /// Averaged SGD (Polyak–Ruppert) from `start` over `pairs` for the configured epochs: the
    /// result is the mean iterate, which does not wander with the last pairs seen, so labels
    /// without signal leave the weights near where they were. The pair order of each epoch is
    /// drawn from `RandomStream(seed, "reranker-sgd", stream + [epoch])`.
    static func descend(
        from start: [Double], on pairs: ArraySlice<Pair>, scale: [Double], learn: [Bool],
        configuration c: RerankerConfiguration,
        stream: [UInt64]
    ) -> [Double] {
        var w = start
        var average = w
        var steps = 0.0
        let pairs = Array(pairs)
        for epoch in 0..<c.epochs {
            var rng = RandomStream(seed: c.seed, purpose: "reranker-sgd", ids: stream + [UInt64(epoch)])
            var order = Array(pairs.indices)
            rng.shuffle(&order)
            for i in order {
                let pair = pairs[i]
                let d = pair.difference
                var s = pair.prior
                for j in d.indices { s += w[j] * scale[j] * d[j] }
                // d/dw of −ln σ(s) is −σ(−s)·x.
                let g = 1 / (1 + exp(s))
                for j in d.indices where learn[j] {
                    w[j] += c.learningRate * (g * scale[j] * d[j] - c.l2 * w[j])
                }
                steps += 1
                for j in w.indices { average[j] += (w[j] - average[j]) / steps }
            }
        }
        return average
    }

    /// 1 / standard deviation of each feature over `examples` (nil where it does not vary: the
    /// previous scale, or 1, is kept).
    static func inverseStandardDeviations(_ examples: [[Double]]) -> [Double?] {
        let n = Double(examples.count)
        return RerankFeature.allCases.indices.map { j in
            let mean = examples.reduce(0) { $0 + $1[j] } / n
            let variance = examples.reduce(0) { $0 + ($1[j] - mean) * ($1[j] - mean) } / n
            return variance > 1e-12 ? 1 / variance.squareRoot() : nil
        }
    }
}
