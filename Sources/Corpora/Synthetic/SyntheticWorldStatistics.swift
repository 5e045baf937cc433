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

    public init(articles: [Article], tickets: [TicketRecord]) {
        let words = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, Self.contentWords($0.title + " " + $0.body)) })
        var low = 0, multi = 0, nuggets = 0, conflicting = 0
        var expansion: [ArticleID: Set<String>] = [:]
        var lateLow = 0, lateCount = 0
        let half = tickets.count / 2
        for (i, r) in tickets.enumerated() {
            let needed = r.truth.nuggets.first?.article
                ?? r.truth.relevant.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            if let a = needed, let aw = words[a] {
                let tw = Self.contentWords(r.ticket.text)
                if tw.intersection(aw).count < 2 { low += 1 }
                if i < half {
                    for (b, grade) in r.truth.relevant where grade >= 2 { expansion[b, default: []].formUnion(tw) }
                } else {
                    lateCount += 1
                    if tw.intersection(aw.union(expansion[a] ?? [])).count < 2 { lateLow += 1 }
                }
            }
            if r.truth.relevant.values.filter({ $0 >= 2 }).count >= 2 { multi += 1 }
            nuggets += r.truth.nuggets.count
            if !r.truth.conflicting.isEmpty { conflicting += 1 }
        }
        var byTopic: [String: [Set<String>]] = [:]
        for a in articles { byTopic[a.topic ?? "", default: []].append(words[a.id]!) }
        var withTwin = 0
        for key in byTopic.keys.sorted() {
            let sets = byTopic[key]!
            for i in sets.indices {
                if sets.indices.contains(where: { j in
                    guard j != i else { return false }
                    let d = sets[i].symmetricDifference(sets[j]).count
                    return d >= 1 && d <= 6
                }) { withTwin += 1 }
            }
        }
        let first = tickets.first?.ticket.createdAt
        let n = Double(max(1, tickets.count))
        self.tickets = tickets.count
        self.articles = articles.count
        lowOverlapShare = Double(low) / n
        expandedLowOverlapShare = Double(lateLow) / Double(max(1, lateCount))
        twinShare = Double(withTwin) / Double(max(1, articles.count))
        multiIssueShare = Double(multi) / n
        meanNuggets = Double(nuggets) / n
        newPolicyShare = Double(articles.filter { a in
            guard let f = first, let i = a.introducedAt else { return false }
            return i > f
        }.count) / Double(max(1, articles.count))
        conflictingShare = Double(conflicting) / n
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
        "your", "yours", "yourself", "yourselves", "also", "get", "got", "may", "must", "us", "im",
    ]
}
