import FlywheelCore

/// Every metric the engine writes: one closed vocabulary with each metric's name pattern,
/// range, direction, unit, headline flag and trec_eval name (docs/metrics in the generated
/// scenario reference). The engine writes its rows from these names; `expect:`, reports,
/// summaries and `flywheel scenario docs` read them.
///
/// Two names follow the system's settings: recall is measured at the retriever's depth and
/// precision at the reranker's (``MetricDepths``).
///
/// ```swift
/// EngineMetric.recall.name(MetricDepths(retriever: 50, reranker: 5))   // "recall@50"
/// EngineMetric(name: "precision@5")                                      // .precision
/// EngineMetric.names(MetricDepths(retriever: 75, reranker: 8)).contains("gate_rejections")   // true
/// ```
public enum EngineMetric: Hashable, Sendable, CaseIterable {
    case recall, precision, ndcg, mrr, helpfulness, helpfulnessAtLeast4, adoption
    case served, onlineAdoption, onlineWinRateA
    /// Annotations of one signal kind in the window.
    case annotations(SignalKind)
    case agentMinutes, vendorMinutes, retrains, gateRejections, kbSize, gapsOpen, gapsClosed, falseFlags
    case daysToClose, authoringMinutes, wrongArticles, judgeMalformed

    /// Every metric, in the order tables list them: the headline metrics first.
    public static var allCases: [EngineMetric] {
        [
            .recall, .precision, .ndcg, .mrr, .helpfulness, .helpfulnessAtLeast4, .adoption, .served, .onlineAdoption,
            .onlineWinRateA
        ]
            + SignalKind.allCases.map(EngineMetric.annotations)
            + [
                .agentMinutes, .vendorMinutes, .retrains, .gateRejections, .kbSize, .gapsOpen, .gapsClosed, .falseFlags,
                .daysToClose, .authoringMinutes, .wrongArticles, .judgeMalformed
            ]
    }

    /// The cutoff of nDCG, whatever the depths.
    public static let ndcgCutoff = 10

    /// The ranking metric this is, at `depths`; nil for metrics that are not ranking metrics.
    public func rankingName(_ depths: MetricDepths) -> MetricName? {
        switch self {
        case .recall: MetricName(.recall, cutoff: depths.retriever)
        case .precision: MetricName(.precision, cutoff: depths.reranker)
        case .ndcg: MetricName(.ndcg, cutoff: Self.ndcgCutoff)
        case .mrr: .mrr
        default: nil
        }
    }

    /// The name the engine writes in `metrics.csv` for a system with `depths`, e.g. `recall@75`.
    public func name(_ depths: MetricDepths) -> String {
        if let ranking = rankingName(depths) { return ranking.rawValue }
        return switch self {
        case .helpfulness: "helpfulness"
        case .helpfulnessAtLeast4: "helpfulness_ge4"
        case .adoption: "adoption"
        case .served: "served"
        case .onlineAdoption: "online_adoption"
        case .onlineWinRateA: "online_win_rate_a"
        case .annotations(let kind): "annotations_\(kind.rawValue)"
        case .agentMinutes: "agent_minutes"
        case .vendorMinutes: "vendor_minutes"
        case .retrains: "retrains"
        case .gateRejections: "gate_rejections"
        case .kbSize: "kb_size"
        case .gapsOpen: "gaps_open"
        case .gapsClosed: "gaps_closed"
        case .falseFlags: "false_flags"
        case .daysToClose: "days_to_close"
        case .authoringMinutes: "authoring_minutes"
        case .wrongArticles: "wrong_articles"
        case .judgeMalformed: "judge_malformed"
        case .recall, .precision, .ndcg, .mrr: preconditionFailure("ranking metrics are named above")
        }
    }

    /// Whether the name carries one of the configured depths (recall and precision).
    public var followsDepth: Bool { self == .recall || self == .precision }

    /// The name as a pattern: `recall@K` (K = `system.retriever.depth`), `precision@K`
    /// (K = `system.reranker.depth`); for every other metric, its name.
    public var pattern: String { Self.withK(self, name(Self.sentinel)) }

    /// trec_eval's name for the measure at `depths` (`recall_75`, `P_8`, `ndcg_cut_10`,
    /// `recip_rank`); nil for metrics trec_eval does not compute.
    public func trecEvalName(_ depths: MetricDepths) -> String? { rankingName(depths)?.trecEvalName }

    /// trec_eval's name as a pattern (`recall_K`, `P_K`, `ndcg_cut_10`, `recip_rank`).
    public var trecEvalPattern: String? { trecEvalName(Self.sentinel).map { Self.withK(self, $0) } }

    /// Depths no name shares digits with, so ``withK(_:_:)`` can replace them by K.
    private static let sentinel = MetricDepths(retriever: 9_001, reranker: 9_001)
    private static func withK(_ metric: EngineMetric, _ name: String) -> String {
        metric.followsDepth ? String(name.dropLast(4)) + "K" : name
    }

    /// The metric a name in `metrics.csv` denotes: recall and precision at any cutoff, nDCG at
    /// ``ndcgCutoff``; nil for a name the engine never writes.
    public init?(name: String) {
        if let ranking = MetricName(rawValue: name), ranking.rawValue == name {
            switch ranking.kind {
            case .recall: self = .recall
            case .precision: self = .precision
            case .ndcg where ranking.cutoff == Self.ndcgCutoff: self = .ndcg
            case .mrr: self = .mrr
            default: return nil
            }
            return
        }
        guard let metric = Self.byFixedName[name] else { return nil }
        self = metric
    }

    /// The metrics whose name does not follow a depth, by name (reports look names up per row).
    private static let byFixedName: [String: EngineMetric] = Dictionary(
        uniqueKeysWithValues: allCases.filter { !$0.followsDepth }.map { ($0.name(sentinel), $0) })

    /// Every name the engine writes for a system with `depths`, in catalogue order.
    public static func names(_ depths: MetricDepths) -> [String] { allCases.map { $0.name(depths) } }
}

/// The depths two metric names follow: recall is measured at the retriever's depth (the
/// first stage's list), precision at the reranker's (the articles shown to the agent).
public struct MetricDepths: Hashable, Sendable {
    public var retriever: Int
    public var reranker: Int
    public init(retriever: Int, reranker: Int) {
        precondition(retriever > 0 && reranker > 0, "depths must be ≥ 1")
        self.retriever = retriever
        self.reranker = reranker
    }
}
