import FlywheelCore

/// ``evaluate(run:qrels:metrics:selection:relevanceLevel:)`` one ticket at a time, for rankings
/// that are never held together (a stream of a million tickets): each ticket keeps its metric
/// values only, and ``report()`` gives exactly the report `evaluate` gives on the same rankings
/// and judgments under ``QuerySelection/withRelevant`` (tickets sorted by id, the same values,
/// so the same means to the last bit).
///
/// ```swift
/// var acc = EvaluationAccumulator(metrics: [.recall75, .precision8])
/// for (list, truth) in stream { acc.add(list.articles, judgments: truth.relevant, ticket: truth.ticket) }
/// print(acc.report().mean(.recall75))
/// ```
public struct EvaluationAccumulator: Sendable {
    public let metrics: [MetricName]
    public let relevanceLevel: Int
    /// Per evaluated ticket, its values in `metrics` order.
    var rows: [TicketID: [Double]] = [:]

    public init(metrics: [MetricName], relevanceLevel: Int = 1) {
        var unique = Set<MetricName>()
        self.metrics = metrics.filter { unique.insert($0).inserted }
        self.relevanceLevel = relevanceLevel
    }

    /// Scores `ranking` against `judgments`; a ticket without a relevant article is skipped (as
    /// ``QuerySelection/withRelevant`` skips it). A ticket added twice keeps its last ranking.
    public mutating func add(_ ranking: [ArticleID], judgments: [ArticleID: Int], ticket: TicketID) {
        guard judgments.values.contains(where: { $0 >= relevanceLevel }) else {
            rows[ticket] = nil
            return
        }
        let judged = JudgedRanking(ranking: ranking, judgments: judgments, relevanceLevel: relevanceLevel)
        rows[ticket] = metrics.map { $0.metric.value(judged) }
    }

    /// Tickets evaluated so far.
    public var count: Int { rows.count }

    /// The report of every ticket added, sorted by ticket id.
    public func report() -> EvaluationReport {
        let tickets = rows.keys.sorted()
        var values = [MetricName: [Double]](minimumCapacity: metrics.count)
        for (c, name) in metrics.enumerated() { values[name] = tickets.map { rows[$0]![c] } }
        return EvaluationReport(metrics: metrics, tickets: tickets, values: values, selection: .withRelevant)
    }
}
