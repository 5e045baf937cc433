import Evaluation
import FlywheelCore
import Retrieval
import WorldTruth

/// Stands in for the world in the learning tests: serves training tickets in rounds through the
/// learned retriever and reranker, has a labeller mark what an agent would see, retrains, and
/// measures held-out recall@75 and P@8. Only the labeller reads the truth; the models see
/// ``Ticket``s and ``RelevanceAnnotation``s.
struct RelevanceLearningHarness: Sendable {
    enum Labeller: Equatable, Sendable {
        /// Marks every shown article by the truth, plus the relevant ones in ranks 9–75.
        case perfect
        /// As `perfect`, each mark flipped with probability `flip`.
        case noisy(flip: Double)
        /// Marks the 8 shown articles and one random article from ranks 9–75, each relevant with
        /// probability `rate`, independently of the truth.
        case random(rate: Double)
    }

    struct Metrics: CustomStringConvertible, Sendable {
        var recall75: Double
        var precision8: Double
        /// Per held-out ticket, in order: recall@75 (nil for a ticket without relevant
        /// articles) and P@8, for paired comparisons between labellers.
        var recalls: [Double?] = []
        var precisions: [Double] = []
        /// Per held-out ticket with a relevant article: 1 / the rank of the first relevant
        /// article in the reranked first-stage list (0 when none is in it).
        var reciprocalRanks: [Double] = []
        /// Mean of ``reciprocalRanks``: how high the reranker puts the gold article.
        var meanReciprocalRank: Double {
            reciprocalRanks.isEmpty ? 0 : reciprocalRanks.reduce(0, +) / Double(reciprocalRanks.count)
        }

        /// The paired 95% t interval's lower bound of (self − other) on recall@75 and on P@8:
        /// above 0 means a gain beyond chance on these held-out tickets.
        func pairedGainLowerBounds(over other: Metrics) -> (recall75: Double, precision8: Double) {
            let r = zip(recalls, other.recalls).compactMap { a, b in a.flatMap { a in b.map { a - $0 } } }
            let p = zip(precisions, other.precisions).map { $0 - $1 }
            func lower(_ d: [Double]) -> Double { MeanEstimate(d)?.interval?.lower ?? 0 }
            return (lower(r), lower(p))
        }
        var description: String { "recall@75 \(fmt(recall75)), P@8 \(fmt(precision8))" }
        func fmt(_ x: Double) -> String {
            let milli = Int((x * 1000).rounded())
            return "0." + String(repeating: "0", count: 3 - String(milli).count) + String(milli)
        }
    }

    let articles: [Article]
    let training: [TicketRecord]
    let heldOut: [TicketRecord]
    var rounds = 4
    var seed: UInt64 = 11
    var expansion = ExpansionConfiguration()
    var reranking = RerankerConfiguration()
    /// Which stages retrain (both by default; switch one off to see the other's effect).
    var trainRetriever = true
    var trainReranker = true

    let index: BM25Index

    init(articles: [Article], training: [TicketRecord], heldOut: [TicketRecord], rounds: Int = 4) {
        self.articles = articles
        self.training = training
        self.heldOut = heldOut
        self.rounds = rounds
        self.index = BM25Index(articles: articles)
    }

    func freshModels() -> (LearnedRetriever, PairwiseReranker) {
        let retriever = LearnedRetriever(index: index, model: ExpansionModel(configuration: expansion))
        return (retriever, PairwiseReranker(retriever: retriever, configuration: reranking))
    }

    /// Baseline and the three labellers, trained concurrently (each is independent and seeded).
    func all(flip: Double = 0.3, randomRate: Double = 0.25) async -> (
        base: Metrics, perfect: Metrics, noisy: Metrics, random: Metrics
    ) {
        let labellers: [Labeller?] = [nil, .perfect, .noisy(flip: flip), .random(rate: randomRate)]
        var results = [Metrics?](repeating: nil, count: labellers.count)
        await withTaskGroup(of: (Int, Metrics).self) { group in
            for (i, labeller) in labellers.enumerated() {
                group.addTask { (i, labeller.map { self.train($0) } ?? self.baseline()) }
            }
            for await (i, m) in group { results[i] = m }
        }
        return (results[0]!, results[1]!, results[2]!, results[3]!)
    }

    /// Held-out metrics before any training.
    func baseline() -> Metrics {
        let (retriever, reranker) = freshModels()
        return evaluate(retriever, reranker)
    }

    /// Held-out metrics after `rounds` rounds of serving, labelling and retraining.
    func train(_ labeller: Labeller) -> Metrics {
        var (retriever, reranker) = freshModels()
        let perRound = (training.count + rounds - 1) / rounds
        for round in 0..<rounds {
            let batch = training.dropFirst(round * perRound).prefix(perRound)
            var marks: [RelevanceAnnotation] = []
            var tickets: [TicketID: Ticket] = [:]
            for record in batch {
                tickets[record.ticket.id] = record.ticket
                let top75 = retriever.retrieve(record.ticket, depth: 75)
                let shown = reranker.rerank(record.ticket, candidates: top75, depth: 8).articles
                marks += label(record, top75: top75.articles, shown: shown, labeller)
            }
            if trainReranker { reranker = reranker.retrained(with: marks, tickets: tickets) }
            if trainRetriever { retriever.retrain(with: marks, tickets: tickets) }
            reranker.use(retriever: retriever)
        }
        return evaluate(retriever, reranker)
    }

    func label(_ record: TicketRecord, top75: [ArticleID], shown: [ArticleID], _ labeller: Labeller)
        -> [RelevanceAnnotation]
    {
        var rng = RandomStream(seed: seed, purpose: "labeller", ids: [StableHash.fnv1a(record.ticket.id.rawValue)])
        func mark(_ a: ArticleID, _ rank: Int, _ relevant: Bool) -> RelevanceAnnotation {
            RelevanceAnnotation(ticket: record.ticket.id, agent: "labeller", article: a, rank: rank, relevant: relevant)
        }
        let isRelevant = { (a: ArticleID) in (record.truth.relevant[a] ?? 0) > 0 }
        switch labeller {
        case .perfect, .noisy:
            let flip: Double = if case .noisy(let p) = labeller { p } else { 0 }
            var marks = shown.enumerated().map { mark($1, $0 + 1, isRelevant($1) != rng.bernoulli(flip)) }
            for (i, a) in top75.enumerated() where !shown.contains(a) && isRelevant(a) {
                marks.append(mark(a, i + 1, !rng.bernoulli(flip)))
            }
            return marks
        case .random(let rate):
            var marks = shown.enumerated().map { mark($1, $0 + 1, rng.bernoulli(rate)) }
            let rest = top75.filter { !shown.contains($0) }
            if !rest.isEmpty {
                let i = rng.int(below: rest.count)
                marks.append(mark(rest[i], 9 + i, rng.bernoulli(rate)))
            }
            return marks
        }
    }

    /// trec_eval's recall_75 (over tickets with a relevant article) and P_8 (÷ 8 always).
    func evaluate(_ retriever: LearnedRetriever, _ reranker: PairwiseReranker) -> Metrics {
        var recall = 0.0
        var judged = 0
        var precision = 0.0
        var recalls: [Double?] = []
        var precisions: [Double] = []
        var reciprocalRanks: [Double] = []
        for record in heldOut {
            let relevant = Set(record.truth.relevant.filter { $0.value > 0 }.keys)
            let top75 = retriever.retrieve(record.ticket, depth: 75)
            let top8 = reranker.rerank(record.ticket, candidates: top75, depth: 8).articles
            let p = Double(top8.filter(relevant.contains).count) / 8
            precision += p
            precisions.append(p)
            guard !relevant.isEmpty else {
                recalls.append(nil)
                continue
            }
            judged += 1
            let full = reranker.rerank(record.ticket, candidates: top75, depth: top75.entries.count).articles
            reciprocalRanks.append(full.firstIndex(where: relevant.contains).map { 1 / Double($0 + 1) } ?? 0)
            let r = Double(top75.articles.filter(relevant.contains).count) / Double(relevant.count)
            recall += r
            recalls.append(r)
        }
        return Metrics(
            recall75: judged == 0 ? 0 : recall / Double(judged), precision8: precision / Double(max(heldOut.count, 1)),
            recalls: recalls, precisions: precisions, reciprocalRanks: reciprocalRanks)
    }
}
