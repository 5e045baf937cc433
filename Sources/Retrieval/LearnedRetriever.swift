import FlywheelCore

/// The learned first stage: BM25 over the published articles plus what relevance marks taught
/// the ``ExpansionModel``.
///
///     score(q, d) = BM25(q, d) + strength · (BM25_exp(q, d) − demotion · BM25_dem(q, d))
///
/// where BM25_exp and BM25_dem score the query against the article's learned expansion and
/// demotion terms as extra fields: per term, the surplus of "relevant" evidence over what the
/// base rate of "relevant" marks predicts, and the shortfall (see `compile()`). Demotion only lowers articles the
/// other fields found; it never adds a candidate. With an untrained model (or strength 0) the
/// ranking is exactly ``BM25Index``'s.
///
/// ```swift
/// var retriever = LearnedRetriever(index: BM25Index(articles: kb))
/// retriever.retrain(with: marks, tickets: ticketsByID)
/// let top75 = retriever.retrieve(ticket, depth: 75)
/// ```
public struct LearnedRetriever: Retriever {
    public private(set) var index: BM25Index
    public private(set) var model: ExpansionModel
    var expansionField: LearnedField
    var demotionField: LearnedField
    /// The model's surplus weights (see `compile()`), computed once per model: publishing an
    /// article recompiles the fields against the grown index from these.
    var surplus: SurplusWeights
    /// Identifies what the retriever scores with (see ``FirstStageParts``); every change
    /// replaces it.
    var compiledState = CompiledState.fresh()

    public init(index: BM25Index, model: ExpansionModel? = nil) {
        self.index = index
        self.model = model ?? ExpansionModel(analysis: index.analyzer.configuration)
        expansionField = LearnedField()
        demotionField = LearnedField()
        surplus = SurplusWeights(self.model)
        compile()
        compiledState = CompiledState(key: 0).after(
            Change.start(index.parameters, index.analyzer.configuration, index.articles, self.model))
    }

    /// Replaces the model (e.g. with one retrained elsewhere).
    public mutating func use(_ model: ExpansionModel) {
        set(model)
        compiledState = .fresh()
    }

    mutating func set(_ model: ExpansionModel) {
        self.model = model
        surplus = SurplusWeights(model)
        compile()
    }

    /// Retrains the model on new marks (see ``ExpansionModel/retrain(_:annotations:tickets:)``).
    public mutating func retrain(
        with annotations: [RelevanceAnnotation], tickets: [TicketID: Ticket], at time: Timestamp? = nil
    ) {
        set(model.retrained(with: annotations, tickets: tickets, at: time, memos: index.analyzer.memos))
        compiledState = compiledState.after(Change.retrain(annotations, time))
    }

    /// What changed a retriever, for ``CompiledState/after(_:)``.
    enum Change: Hashable {
        case start(BM25Parameters, Analyzer.Configuration, [Article], ExpansionModel)
        case retrain([RelevanceAnnotation], Timestamp?)
        case publish([Article])
    }

    /// Builds (and from now on maintains) the index's pruning layouts for the pruned search
    /// (``searchPruned(terms:depth:)``), then the fields' (over the index's document blocks).
    public mutating func preparePruning() {
        guard !index.keepsFlatPostings else { return }
        index.preparePruning()
        compile()
    }

    /// Publishes an article into the index; learned weights it already has start to count.
    public mutating func publish(_ article: Article) {
        index.publish(article)
        compile()
        compiledState = compiledState.after(Change.publish([article]))
    }

    /// Publishes several articles, recompiling the learned fields once.
    public mutating func publish(contentsOf articles: [Article]) {
        guard !articles.isEmpty else { return }
        index.publish(contentsOf: articles)
        compile()
        compiledState = compiledState.after(Change.publish(articles))
    }

    /// Builds the two fields from the model's evidence per (article, term) *in excess of the
    /// base rate* p₀ of "relevant" marks: with e and d the weights learned from "relevant" and
    /// "not relevant" marks, the surplus is s = e − p₀·(e + d); the expansion field holds
    /// max(0, s) and the demotion field max(0, −s). Labels that carry no information about
    /// relevance (relevant at the same rate everywhere) have s ≈ 0 and change nothing — they
    /// cannot act as pseudo-relevance feedback — while a generic word of an article's topic,
    /// marked both ways, counts only by its surplus.
    mutating func compile() {
        expansionField = LearnedField(sorted: surplus.positive, index: index)
        demotionField = LearnedField(sorted: surplus.negative, index: index)
    }

    public func retrieve(_ ticket: Ticket, depth: Int) -> RankedList {
        RankedList(ticket: ticket.id, entries: search(terms: index.analyzer.queryTerms(ticket.text), depth: depth))
    }

    /// What a search runs for analyzed query `terms`: each field's (term id, count) list and
    /// the weights of the learned fields.
    struct FieldQueries {
        var bm25: [(term: Int32, count: Int)]
        var expansion: [(term: Int32, count: Int)]
        var demotion: [(term: Int32, count: Int)]
        var strength: Float
        var demotionScale: Float
        /// Without demotion every addition is positive, so the documents with a positive score
        /// are exactly the touched ones: no need to track them (same list either way).
        var tracked: Bool { !demotion.isEmpty }
    }

    func fieldQueries(_ terms: [String]) -> FieldQueries {
        let strength = Float(model.configuration.strength)
        return FieldQueries(
            bm25: index.queryTermIDs(terms),
            expansion: strength > 0 ? expansionField.query(terms) : [],
            demotion: strength > 0 && model.configuration.demotion > 0 ? demotionField.query(terms) : [],
            strength: strength, demotionScale: -strength * Float(model.configuration.demotion))
    }

    /// The best `depth` articles for analyzed query `terms`, every matching article scored
    /// (``searchPruned(terms:depth:)`` gives the same list by block-max pruning).
    public func search(terms: [String], depth: Int) -> [RankedList.Entry] {
        exhaustiveTop(fieldQueries(terms), depth: depth).map {
            RankedList.Entry(article: index.articles[Int($0.doc)].id, score: Double($0.score))
        }
    }

    /// The best `depth` documents for a query's field lists, every matching one scored.
    func exhaustiveTop(_ q: FieldQueries, depth: Int) -> [(doc: Int32, score: Float)] {
        let tracked = q.tracked
        // The closure sees the retriever through a pointer: capturing `self` would copy it (a
        // retain and release of every array it holds) on every query.
        let top = withUnsafePointer(to: self) { me in
            me.pointee.index.withAccumulator { acc in
                me.pointee.index.accumulate(q.bm25, into: &acc, tracked: tracked)
                me.pointee.expansionField.accumulate(
                    q.expansion, scale: q.strength, onlySeen: false, into: &acc, tracked: tracked)
                guard tracked else {
                    return acc.topPositive(
                        depth, idRank: me.pointee.index.idRank, docOfRank: me.pointee.index.docOfRank)
                }
                me.pointee.demotionField.accumulate(q.demotion, scale: q.demotionScale, onlySeen: true, into: &acc)
                return acc.top(depth, idRank: me.pointee.index.idRank, docOfRank: me.pointee.index.docOfRank)
            }
        }
        return top
    }

    /// The three parts of an article's score for analyzed `terms`: BM25, the expansion field's
    /// BM25 and the demotion field's BM25 (both before `strength`). Zeros when unpublished.
    public func scoreParts(terms: [String], article: ArticleID) -> (bm25: Double, expansion: Double, demotion: Double) {
        guard let doc = index.documentNumbers[article] else { return (0, 0, 0) }
        return (
            index.score(terms: terms, article: article), expansionField.score(terms, doc: doc),
            demotionField.score(terms, doc: doc)
        )
    }
}
