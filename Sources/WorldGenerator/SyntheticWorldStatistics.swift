import FlywheelCore
import WorldTruth

/// Statistics that show a world is hard in the right way, computed from text and truth alone
/// (no retriever). `flywheel corpus generate` prints them; tests assert their ranges.
///
/// - `lowOverlapShare`: share of tickets whose first needed article (the article of the first
///   nugget, else the best-graded relevant one) shares fewer than two content words with the
///   ticket text. Content words: lower-cased ASCII letter/digit runs, minus English stop words,
///   no stemming; the article side is title + body.
/// - `twinShare`: share of articles with a near-duplicate in the same topic, found from text:
///   the symmetric difference of the two articles' (title + body) word sets has 1…6 words.
/// - `multiIssueShare`: share of tickets with two or more grade-2 articles.
/// - `expandedLowOverlapShare`: the learnable signal. Each article is expanded with the content
///   words of the *first half* of tickets (in time order) that needed it — what a retriever
///   learns from agents' relevance marks — and `lowOverlapShare` is measured again on the
///   second half against article + expansion words. Well below `lowOverlapShare` means customer
///   wording is consistent enough to learn.
public struct SyntheticWorldStatistics: Hashable, Sendable, Codable {
    public var tickets: Int
    public var articles: Int
    public var lowOverlapShare: Double
    public var expandedLowOverlapShare: Double
    public var twinShare: Double
    public var multiIssueShare: Double
    /// Mean nuggets per ticket.
    public var meanNuggets: Double
    /// Share of articles introduced after the first ticket.
    public var newPolicyShare: Double
    /// Share of tickets with at least one conflicting (twin) article.
    public var conflictingShare: Double

    enum CodingKeys: String, CodingKey {
        case tickets, articles
        case lowOverlapShare = "low_overlap_share"
        case expandedLowOverlapShare = "expanded_low_overlap_share"
        case twinShare = "twin_share"
        case multiIssueShare = "multi_issue_share"
        case meanNuggets = "mean_nuggets"
        case newPolicyShare = "new_policy_share"
        case conflictingShare = "conflicting_share"
    }

    /// The statistics of `tickets` (in time order) against `articles`: the
    /// ``SyntheticWorldStatistics/Accumulator`` fed every ticket in order.
    public init(articles: [Article], tickets: [TicketRecord]) {
        var accumulator = Accumulator(articles: articles, ticketCount: tickets.count)
        for r in tickets { accumulator.add(r) }
        self = accumulator.statistics
    }

    public init(_ world: SyntheticWorld) { self.init(articles: world.articles, tickets: world.tickets) }

    /// Lower-cased runs of ASCII letters and digits, minus ``stopWords``.
    public static func contentWords(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                let w = String(decoding: current, as: UTF8.self)
                if !stopWords.contains(w) { out.insert(w) }
                current.removeAll(keepingCapacity: true)
            }
        }
        for b in text.utf8 {
            switch b {
            case 65...90: current.append(b + 32)
            case 97...122, 48...57: current.append(b)
            default: flush()
            }
        }
        flush()
        return out
    }

    /// A common English stop-word list (articles, pronouns, auxiliaries, prepositions,
    /// conjunctions and contraction fragments).
    public static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "d", "did", "do", "does", "doing", "don", "down", "during", "each", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "ll", "m", "me", "more", "most", "my",
        "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "re", "s", "same", "she", "should", "so", "some", "such", "t",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "ve", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
        "your", "yours", "yourself", "yourselves", "also", "get", "got", "may", "must", "us", "im"
    ]
}
