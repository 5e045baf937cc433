import FlywheelCore

/// Evaluates `run` against `qrels` on `metrics`, with trec_eval's semantics.
///
/// - Parameters:
///   - selection: which tickets are averaged over; the default ``QuerySelection/withRelevant``
///     takes every judged ticket with a relevant article and scores a missing ranking as empty.
///     ``QuerySelection/trecEval`` reproduces `trec_eval` / `pytrec_eval` exactly.
///   - relevanceLevel: the lowest grade that counts as relevant (trec_eval `-l`, default 1).
///
/// ```swift
/// let report = evaluate(run: Run(lists), qrels: Qrels(truths: truths), metrics: [.recall75, .precision8])
/// print(report.mean(.recall75))
/// ```
public func evaluate(
    run: Run, qrels: Qrels, metrics: [MetricName] = MetricName.allCases,
    selection: QuerySelection = .withRelevant, relevanceLevel: Int = 1
) -> EvaluationReport {
    var unique = Set<MetricName>()
    let metrics = metrics.filter { unique.insert($0).inserted }
    let tickets: [TicketID]
    switch selection {
    case .withRelevant:
        tickets = qrels.tickets.filter { qrels.relevantCount(for: $0, relevanceLevel: relevanceLevel) > 0 }
    case .trecEval:
        tickets = qrels.tickets.filter { run.ranking(for: $0) != nil }
    case .trecEvalComplete:
        tickets = qrels.tickets
    }
    let computed = metrics.map(\.metric)
    var columns = [[Double]](repeating: [], count: metrics.count)
    for c in columns.indices { columns[c].reserveCapacity(tickets.count) }
    for ticket in tickets {
        let judged = JudgedRanking(
            ranking: run.ranking(for: ticket)?.articles ?? [], judgments: qrels.judgments(for: ticket),
            relevanceLevel: relevanceLevel)
        for (c, metric) in computed.enumerated() { columns[c].append(metric.value(judged)) }
    }
    var values = [MetricName: [Double]](minimumCapacity: metrics.count)
    for (c, name) in metrics.enumerated() { values[name] = columns[c] }
    return EvaluationReport(metrics: metrics, tickets: tickets, values: values, selection: selection)
}
