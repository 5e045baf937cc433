import FlywheelCore

/// What the first stage has learned from knowledge-relevance checks: for each article, the
/// (analyzed) terms of tickets agents marked it relevant to — document expansion — and the terms
/// of tickets they marked it *not* relevant to — demotion.
///
/// Customer wording differs from article wording; expansion closes that gap (Nogueira et al.'s
/// doc2query idea, here with real customer tickets instead of generated queries). Each mark adds
/// 2^(−age/half-life) to the weight of every distinct term of its ticket, where age is the time
/// from the ticket to the retraining; at each retraining old weights first lose what the time
/// since the previous retraining takes (``ExpansionConfiguration/halfLifeDays``), weights under
/// the minimum are dropped, and only the ``ExpansionConfiguration/cap`` heaviest terms per
/// article are kept. So the model at a time T is the same sum of time-discounted marks whatever
/// the cadence (up to the minimum and the cap).
///
/// Retraining is a pure, deterministic function of (previous model, annotations, tickets): it
/// sees ``Ticket`` text and ``RelevanceAnnotation``s only, never a ticket's truth.
///
/// ```swift
/// let model = ExpansionModel().retrained(with: marks, tickets: ticketsByID)
/// let retriever = LearnedRetriever(index: index, model: model)
/// ```
public struct ExpansionModel: Hashable, Sendable, Codable {
    public var configuration: ExpansionConfiguration
    /// The analysis applied to ticket text (must match the index's analyzer).
    public var analysis: Analyzer.Configuration
    /// Article → term → weight learned from "relevant" marks.
    public private(set) var expansion: [ArticleID: TermWeights]
    /// Article → term → weight learned from "not relevant" marks.
    public private(set) var demotion: [ArticleID: TermWeights]
    /// How many retrainings produced this model.
    public private(set) var generation: Int
    /// The simulated time of the last retraining (nil: never, or trained without a time).
    public private(set) var trainedAt: Timestamp?
    /// Marks seen ("relevant" ones and all), decayed like the weights: their ratio is the base
    /// rate the learned fields are measured against.
    public private(set) var relevantMarks: Double
    public private(set) var allMarks: Double
    /// Article → term → weight learned from links (rank-0 marks: "I answered from this article",
    /// found by the agent's own search). Links have no "not relevant" counterpart, so their
    /// evidence is measured against how common each term is among all linked tickets.
    public private(set) var links: [ArticleID: TermWeights]
    /// Article → weight of the links to it.
    public private(set) var linkCounts: [ArticleID: Double]
    /// Term → weight of the linked tickets that hold it, and the weight of all links.
    public private(set) var linkTermCounts: [String: Double]
    public private(set) var linkTotal: Double

    /// The share of marks that said "relevant", Laplace-smoothed: (relevant + 1) / (all + 2).
    public var baseRate: Double { (relevantMarks + 1) / (allMarks + 2) }

    public init(
        configuration: ExpansionConfiguration = ExpansionConfiguration(),
        analysis: Analyzer.Configuration = Analyzer.Configuration()
    ) {
        self.configuration = configuration
        self.analysis = analysis
        self.expansion = [:]
        self.demotion = [:]
        self.generation = 0
        self.trainedAt = nil
        self.relevantMarks = 0
        self.allMarks = 0
        self.links = [:]
        self.linkCounts = [:]
        self.linkTermCounts = [:]
        self.linkTotal = 0
    }

    /// The model after one retraining on `annotations` (the ones since the previous retraining).
    /// Marks whose ticket is not in `tickets` are ignored. `time` is the retraining's simulated
    /// time (nil: no forgetting this time, every new mark at full weight).
    /// `memos`: the run's analysis memos the tickets' terms are read through (nil: analysed
    /// afresh; the same terms either way).
    public func retrained(
        with annotations: [RelevanceAnnotation], tickets: [TicketID: Ticket], at time: Timestamp? = nil,
        memos: AnalysisMemos? = nil
    ) -> ExpansionModel {
        ExpansionModel.retrain(self, annotations: annotations, tickets: tickets, at: time, memos: memos)
    }

    /// Pure retraining: decay by the time elapsed, add the new marks (each discounted by its
    /// ticket's age), forget tiny weights, cap per article.
    public static func retrain(
        _ previous: ExpansionModel, annotations: [RelevanceAnnotation], tickets: [TicketID: Ticket],
        at time: Timestamp? = nil, memos: AnalysisMemos? = nil
    ) -> ExpansionModel {
        var next = previous
        let c = previous.configuration
        next.generation += 1
        let keep = HalfLife.retention(from: previous.trainedAt, to: time, halfLifeDays: c.halfLifeDays)
        if time != nil { next.trainedAt = time }
        if keep != 1 {
            next.expansion = decayed(previous.expansion, by: keep)
            next.demotion = decayed(previous.demotion, by: keep)
            next.links = decayed(previous.links, by: keep)
            next.linkCounts = previous.linkCounts.mapValues { $0 * keep }
            next.linkTermCounts = previous.linkTermCounts.mapValues { $0 * keep }
            next.linkTotal = previous.linkTotal * keep
        }
        next.relevantMarks = previous.relevantMarks * keep
        next.allMarks = previous.allMarks * keep
        let analyzer = Analyzer(previous.analysis, memos: memos)
        let ordered = annotations.sorted {
            ($0.ticket, $0.article, $0.agent, $0.rank, $0.relevant ? 1 : 0)
                < ($1.ticket, $1.article, $1.agent, $1.rank, $1.relevant ? 1 : 0)
        }
        // This retraining's running sums, per article and term, each started from the (decayed)
        // weight the model had: the same additions in the same order as adding to the model
        // directly, then written into its sorted arrays once per article.
        var expansion = Updates(next.expansion), demotion = Updates(next.demotion), links = Updates(next.links)
        var termsOfTicket: [TicketID: [String]] = [:]
        for mark in ordered {
            guard let ticket = tickets[mark.ticket] else { continue }
            let w = HalfLife.retention(from: ticket.createdAt, to: time, halfLifeDays: c.halfLifeDays)
            let terms =
                termsOfTicket[mark.ticket]
                ?? {
                    let t = Array(Set(analyzer.queryTerms(ticket.text))).sorted()
                    termsOfTicket[mark.ticket] = t
                    return t
                }()
            if mark.rank == 0 {
                guard mark.relevant else { continue }
                next.linkCounts[mark.article, default: 0] += w
                next.linkTotal += w
                links.add(w, to: terms, of: mark.article)
                for term in terms { next.linkTermCounts[term, default: 0] += w }
                continue
            }
            next.allMarks += w
            if mark.relevant { next.relevantMarks += w }
            if mark.relevant {
                expansion.add(w, to: terms, of: mark.article)
            } else {
                demotion.add(w, to: terms, of: mark.article)
            }
        }
        next.expansion = pruned(expansion.applied(), minimum: c.minimumWeight, cap: c.cap)
        next.demotion = pruned(demotion.applied(), minimum: c.minimumWeight, cap: c.cap)
        next.links = pruned(links.applied(), minimum: c.minimumWeight, cap: c.cap)
        next.linkCounts = filtered(next.linkCounts, minimum: c.minimumWeight)
        next.linkTermCounts = filtered(next.linkTermCounts, minimum: c.minimumWeight)
        return next
    }

    static func decayed(_ weights: [ArticleID: TermWeights], by decay: Double) -> [ArticleID: TermWeights] {
        weights.mapValues { $0.scaled(by: decay) }
    }

    /// Drops weights under `minimum` and keeps the `cap` heaviest terms per article (ties by term).
    static func pruned(_ weights: [ArticleID: TermWeights], minimum: Double, cap: Int) -> [ArticleID: TermWeights] {
        // Most articles lose nothing: they keep their arrays as they are (no copy), and only the
        // others are replaced.
        var result = weights
        for (article, terms) in weights where !Self.keepsAll(terms, minimum: minimum, cap: cap) {
            var kept = terms.filtered { $0 >= minimum }
            if kept.count > cap {
                let top = kept.pairs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(cap)
                kept = TermWeights(sortedUnique: top.sorted { $0.key < $1.key })
            }
            result[article] = kept.isEmpty ? nil : kept
        }
        return result
    }

    /// Whether pruning leaves `terms` as they are: not empty, at most `cap`, none under `minimum`.
    static func keepsAll(_ terms: TermWeights, minimum: Double, cap: Int) -> Bool {
        !terms.isEmpty && terms.count <= cap && terms.values.allSatisfy { $0 >= minimum }
    }

    /// `weights` without the entries under `minimum` (unchanged, not copied, when none is).
    static func filtered<Key>(_ weights: [Key: Double], minimum: Double) -> [Key: Double] {
        weights.values.allSatisfy { $0 >= minimum } ? weights : weights.filter { $0.value >= minimum }
    }
}
