/// Which way a metric is better, for readers of tables and for assertions' wording.
public enum MetricDirection: String, CaseIterable, Sendable {
    /// More is better (recall, adoption, …).
    case higher
    /// Less is better (costs, open gaps, …).
    case lower
    /// A count that describes the run rather than grades it (tickets served, annotations, …).
    case neither
}

extension EngineMetric {
    /// The values the metric can take, so intervals never leave it: [0, 1] for shares and
    /// ranking metrics, [1, 5] for helpfulness; nil for counts, minutes and other unbounded
    /// quantities.
    public var range: ClosedRange<Double>? {
        switch self {
        case .recall, .precision, .ndcg, .mrr, .helpfulnessAtLeast4, .adoption, .onlineAdoption, .onlineWinRateA: 0...1
        case .helpfulness: 1...5
        default: nil
        }
    }

    /// The range of a difference of two values: [−(hi − lo), hi − lo].
    public var differenceRange: ClosedRange<Double>? {
        range.map { -($0.upperBound - $0.lowerBound)...($0.upperBound - $0.lowerBound) }
    }

    public var direction: MetricDirection {
        switch self {
        case .recall, .precision, .ndcg, .mrr, .helpfulness, .helpfulnessAtLeast4, .adoption, .onlineAdoption,
            .gapsClosed:
            .higher
        case .agentMinutes, .vendorMinutes, .authoringMinutes, .gapsOpen, .falseFlags, .daysToClose, .wrongArticles,
            .judgeMalformed:
            .lower
        case .served, .onlineWinRateA, .annotations, .retrains, .gateRejections, .kbSize: .neither
        }
    }

    /// The unit, as the report's y axes and headings show it.
    public var unit: String {
        switch self {
        case .recall, .precision, .ndcg, .mrr: "score 0–1, mean over held-out tickets"
        case .helpfulness: "judge score 1–5"
        case .helpfulnessAtLeast4: "share of replies scored ≥ 4"
        case .adoption: "share adopted by the panel"
        case .onlineAdoption: "share adopted by the agents"
        case .onlineWinRateA: "share of pairs won by reply A"
        case .served: "tickets per window"
        case .annotations: "annotations per window"
        case .agentMinutes, .vendorMinutes: "minutes per window"
        case .authoringMinutes: "minutes"
        case .kbSize, .gapsOpen, .gapsClosed, .wrongArticles: "articles"
        case .daysToClose: "days"
        case .retrains, .gateRejections, .falseFlags, .judgeMalformed: "count"
        }
    }

    /// Whether tables, summaries and the report's first charts show it.
    public var isHeadline: Bool {
        switch self {
        case .recall, .precision, .ndcg, .mrr, .helpfulness, .helpfulnessAtLeast4, .adoption: true
        default: false
        }
    }

    /// What the metric measures, in one sentence (the generated scenario reference).
    public var meaning: String {
        switch self {
        case .recall:
            "Share of a held-out ticket's relevant articles in the first stage's list (K = `system.retriever.depth`)."
        case .precision: "Share of relevant articles among the K the reranker shows (K = `system.reranker.depth`)."
        case .ndcg: "nDCG of the reranked list at \(Self.ndcgCutoff), graded by the truth's relevance."
        case .mrr: "Reciprocal rank of the first relevant article in the reranked list."
        case .helpfulness: "The judge's mean helpfulness of reply A on the held-out tickets."
        case .helpfulnessAtLeast4: "Share of held-out replies the judge scores at least 4."
        case .adoption: "Share of held-out replies A the evaluation panel adopts."
        case .served: "Tickets served in the window."
        case .onlineAdoption: "Share of the replies shown to agents in the window that they adopted."
        case .onlineWinRateA: "Share of the window's decided preference pairs that reply A won."
        case .annotations(let kind): "Annotations of kind `\(kind.rawValue)` in the window."
        case .agentMinutes: "Agent time spent annotating in the window."
        case .vendorMinutes: "Vendor labellers' time in the window."
        case .retrains: "Retrainings since the previous evaluation."
        case .gateRejections: "Retrained models the deploy gate refused since the previous evaluation."
        case .kbSize: "Published knowledge-base articles."
        case .gapsOpen: "Knowledge gaps flagged and not yet closed."
        case .gapsClosed: "Knowledge gaps closed by an authored article."
        case .falseFlags: "Missing-knowledge flags that named no real gap, since the start."
        case .daysToClose: "Mean days from a gap's first flag to its article (only once a gap closed)."
        case .authoringMinutes: "Time spent triaging flags and authoring articles, since the start."
        case .wrongArticles: "Authored articles that did not close the gap they were written for, since the start."
        case .judgeMalformed: "Held-out replies an outside scorer gave no helpfulness for (only with a scorer)."
        }
    }

    /// Whether every evaluation writes it (false: only under a condition `meaning` states).
    public var isAlwaysWritten: Bool { self != .daysToClose && self != .judgeMalformed }
}

extension EngineMetric {
    /// The range of the metric named `name` (``init(name:)``); nil when unbounded or unknown.
    public static func range(of name: String) -> ClosedRange<Double>? { EngineMetric(name: name)?.range }

    /// The range of a difference of two values of the metric named `name`.
    public static func differenceRange(of name: String) -> ClosedRange<Double>? {
        EngineMetric(name: name)?.differenceRange
    }

    /// The unit of the metric named `name`; "count" for a name the engine does not write.
    public static func unit(of name: String) -> String { EngineMetric(name: name)?.unit ?? "count" }

    /// Whether `name` names a headline metric (at whatever depths the run used).
    public static func isHeadline(_ name: String) -> Bool { EngineMetric(name: name)?.isHeadline == true }

    /// The headline metrics among `names`, in catalogue order: a run at depths 50/5 gives
    /// recall@50, precision@5, ndcg@10, ….
    public static func headline(among names: some Sequence<String>) -> [String] {
        inTableOrder(Set(names).filter(isHeadline))
    }

    /// The order tables list metrics in: the headline metrics in catalogue order, then every
    /// other name alphabetically.
    public static func tableOrder(_ a: String, _ b: String) -> Bool {
        let ra = tableRank(a), rb = tableRank(b)
        return ra != rb ? ra < rb : a < b
    }

    /// `names` sorted by ``tableOrder(_:_:)``, each name parsed once (not once per comparison).
    public static func inTableOrder(_ names: some Sequence<String>) -> [String] {
        names.map { (name: $0, rank: tableRank($0)) }
            .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.name < $1.name }
            .map(\.name)
    }

    /// A headline metric's place in the catalogue; `Int.max` for any other name.
    static func tableRank(_ name: String) -> Int {
        guard let metric = EngineMetric(name: name), metric.isHeadline else { return Int.max }
        return allCases.firstIndex(of: metric) ?? Int.max
    }
}
