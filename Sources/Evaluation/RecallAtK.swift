/// Recall at cutoff k: the share of a ticket's relevant articles found in its top `k`,
/// |relevant ∩ top-k| / |relevant| — trec_eval's `recall_k` (`m_recall.c`).
///
/// A ticket with no relevant article scores 0 here, as in trec_eval; the default
/// ``QuerySelection/withRelevant`` leaves such tickets out of the average altogether (docs/evaluation.md:
/// recall@75 is averaged over tickets with at least one relevant article).
///
/// ```swift
/// RecallAtK(k: 2).value(JudgedRanking(ranking: ["a", "b", "c"], judgments: ["a": 1, "c": 1]))  // 0.5
/// ```
public struct RecallAtK: RankingMetric, Hashable {
    public var k: Int
    public init(k: Int) {
        precondition(k > 0, "recall@k needs k ≥ 1")
        self.k = k
    }
    public var name: MetricName { MetricName(.recall, cutoff: k) }

    public func value(_ judged: JudgedRanking) -> Double {
        guard judged.relevantCount > 0 else { return 0 }
        return Double(judged.relevantRetrieved(within: k)) / Double(judged.relevantCount)
    }
}
