/// Reciprocal rank: 1 / the rank of the first relevant article, 0 when none is retrieved —
/// trec_eval's `recip_rank` (`m_recip_rank.c`), with no cutoff. Its mean over tickets is the
/// mean reciprocal rank (MRR).
///
/// ```swift
/// ReciprocalRank().value(JudgedRanking(ranking: ["x", "y", "a"], judgments: ["a": 1]))  // 1/3
/// ```
public struct ReciprocalRank: RankingMetric, Hashable {
    public init() {}
    public var name: MetricName { MetricName(.mrr) }

    public func value(_ judged: JudgedRanking) -> Double {
        for i in judged.grades.indices where judged.isRelevant(at: i) { return 1 / Double(i + 1) }
        return 0
    }
}
