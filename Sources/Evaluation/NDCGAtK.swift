#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Normalised discounted cumulative gain at cutoff k — trec_eval's `ndcg_cut_k` (`m_ndcg_cut.c`).
///
///     DCG@k  = Σ_{i=1..k} gain(i) / log2(i + 1)
///     nDCG@k = DCG@k / IDCG@k
///
/// with trec_eval's default gains: the grade itself (linear, not 2^grade − 1), negative grades
/// and unjudged articles gaining 0. The ideal ranking IDCG@k sorts *all* judged articles of the
/// ticket by grade (Järvelin & Kekäläinen, "Cumulated gain-based evaluation of IR techniques",
/// ACM TOIS 20(4), 2002; the log2(i + 1) discount is trec_eval 9's). A ticket with no positive
/// grade scores 0.
///
/// ```swift
/// // one relevant article (grade 1) ranked second: 1/log2(3) ≈ 0.6309
/// NDCGAtK(k: 10).value(JudgedRanking(ranking: ["x", "a"], judgments: ["a": 1]))
/// ```
public struct NDCGAtK: RankingMetric, Hashable {
    public var k: Int
    public init(k: Int) {
        precondition(k > 0, "ndcg@k needs k ≥ 1")
        self.k = k
    }
    public var name: MetricName { MetricName(.ndcg, cutoff: k) }

    public func value(_ judged: JudgedRanking) -> Double {
        var ideal = 0.0
        for (i, grade) in judged.idealGrades.prefix(k).enumerated() {
            ideal += Double(grade) / log2(Double(i + 2))
        }
        guard ideal > 0 else { return 0 }
        var dcg = 0.0
        for i in 0..<min(k, judged.grades.count) where judged.grades[i] > 0 {
            dcg += Double(judged.grades[i]) / log2(Double(i + 2))
        }
        return dcg / ideal
    }
}
