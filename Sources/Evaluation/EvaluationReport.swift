import FlywheelCore

/// Per-ticket values and means of ranking metrics for one run against one set of qrels.
///
/// Values are stored per metric, aligned with ``tickets`` (sorted by id), so two reports over
/// the same tickets pair up element by element for a ``PairedDifference``.
///
/// ```swift
/// let report = evaluate(run: run, qrels: qrels, metrics: MetricName.allCases)
/// report.mean(.recall75)                      // 0.62
/// report.value(.precision8, for: "t-17")      // 0.25
/// report.summary(.recall75)?.interval         // 95% t interval over tickets
/// ```
public struct EvaluationReport: Hashable, Sendable {
    /// The metrics computed, in the order asked.
    public var metrics: [MetricName]
    /// The tickets evaluated, sorted by id.
    public var tickets: [TicketID]
    /// Metric → one value per ticket of ``tickets``.
    public var values: [MetricName: [Double]]
    /// How tickets were selected.
    public var selection: QuerySelection

    public init(
        metrics: [MetricName], tickets: [TicketID], values: [MetricName: [Double]], selection: QuerySelection
    ) {
        self.metrics = metrics
        self.tickets = tickets
        self.values = values
        self.selection = selection
    }

    /// The per-ticket values of `metric`, aligned with ``tickets`` (empty when not computed).
    public func values(_ metric: MetricName) -> [Double] { values[metric] ?? [] }

    /// The value of `metric` for `ticket`, or nil when the ticket was not evaluated.
    public func value(_ metric: MetricName, for ticket: TicketID) -> Double? {
        guard let column = values[metric], let i = ticketIndex(ticket) else { return nil }
        return column[i]
    }

    /// The mean of `metric` over the evaluated tickets; 0 when there are none (trec_eval's
    /// convention) or when the metric was not computed.
    public func mean(_ metric: MetricName) -> Double {
        let column = values(metric)
        return column.isEmpty ? 0 : Statistics.mean(column)
    }

    /// Every computed metric's mean.
    public var means: [MetricName: Double] {
        Dictionary(uniqueKeysWithValues: metrics.map { ($0, mean($0)) })
    }

    /// The mean of `metric` with a Student-t interval over tickets; nil when no ticket was evaluated.
    public func summary(_ metric: MetricName, level: Double = 0.95) -> MeanEstimate? {
        MeanEstimate(values(metric), level: level)
    }

    private func ticketIndex(_ ticket: TicketID) -> Int? {
        // `tickets` is sorted by `TicketID <`, so a binary search finds it.
        var low = 0
        var high = tickets.count
        while low < high {
            let mid = (low + high) / 2
            if tickets[mid] < ticket { low = mid + 1 } else { high = mid }
        }
        return low < tickets.count && tickets[low] == ticket ? low : nil
    }
}
