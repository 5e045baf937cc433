/// Precision at cutoff k: |relevant ∩ top-k| / k — trec_eval's `P_k` (`m_P.c`), which divides by
/// `k` even when fewer than `k` articles were retrieved, so a short ranking is not rewarded.
/// Unjudged articles count as not relevant.
///
/// ```swift
/// PrecisionAtK(k: 8).value(JudgedRanking(ranking: ["a", "b"], judgments: ["a": 1]))  // 1/8
/// ```
public struct PrecisionAtK: RankingMetric, Hashable {
    public var k: Int
    public init(k: Int) {
        precondition(k > 0, "precision@k needs k ≥ 1")
        self.k = k
    }
    public var name: MetricName { MetricName(.precision, cutoff: k) }

    public func value(_ judged: JudgedRanking) -> Double {
        Double(judged.relevantRetrieved(within: k)) / Double(k)
    }
}
