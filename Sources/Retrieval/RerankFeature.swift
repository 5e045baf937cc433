/// The features the reranker scores a (ticket, article) pair by. A closed vocabulary: the
/// model's weights are indexed by `allCases` order.
public enum RerankFeature: String, CaseIterable, Codable, Sendable {
    /// BM25 score of the article for the ticket text.
    case bm25
    /// BM25 score against the article's learned expansion terms (before `strength`).
    case expansion
    /// BM25 score against the article's learned demotion terms (before `strength`).
    case demotion
    /// Share of the article's distinct title terms that occur in the ticket.
    case titleOverlap = "title_overlap"
    /// Share of the ticket's distinct terms that occur in the article (title or body).
    case queryCoverage = "query_coverage"
    /// Share of the ticket's distinct adjacent term pairs that occur adjacent in the article.
    case bigramOverlap = "bigram_overlap"
    /// Smoothed log-odds of the article being marked relevant, relative to all articles.
    case articlePrior = "article_prior"
    /// ln(first-stage rank), rank 1-based (depth + 1 when the first stage missed it).
    case logRank = "log_rank"
    /// 1 / first-stage rank.
    case reciprocalRank = "reciprocal_rank"
}
