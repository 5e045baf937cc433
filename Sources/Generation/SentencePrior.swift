import FlywheelCore

/// A learned, ticket-conditioned prior for each article sentence (keyed by article id and
/// position), from adoption feedback: the sentences of an adopted reply gain evidence *for the
/// words of that ticket*, the sentences of a reply rejected as wrong lose it.
///
/// For a sentence and a new ticket with content words T, the value is
/// `Σ_{t∈T}(pos_t − neg_t) / (Σ_{t∈T}(pos_t + neg_t) + smoothing)`, in (−1, 1): zero for a
/// sentence never seen with any of those words. Conditioning on the ticket's words solves the
/// credit assignment a global per-sentence prior gets wrong: the same policy sentence is right
/// for tickets about one region and wrong (its near-duplicate twin is right) for another, and
/// customers use the same words for the same situation ("Florida" for a United States policy),
/// so "this sentence was adopted for tickets saying florida" transfers to the next one. It is
/// sentence-level document expansion (compare the retriever's), with a Laplace-style shrinkage.
///
/// ```swift
/// var prior = SentencePrior()
/// prior.record(article: "a1", position: 0, ticketTokens: ["refund", "card"], weight: 1)
/// prior.value(article: "a1", position: 0, ticketTokens: ["refund"])   // 1 / (1 + 2) ≈ 0.33
/// ```
public struct SentencePrior: Hashable, Sendable, Codable {
    /// Accumulated evidence for one sentence and one ticket word.
    public struct Tally: Hashable, Sendable, Codable {
        public var positive: Double = 0
        public var negative: Double = 0
        public init(positive: Double = 0, negative: Double = 0) {
            self.positive = positive
            self.negative = negative
        }
    }

    /// Evidence by `"<article id>#<position>"`, then by ticket content word (``Words``).
    public internal(set) var tallies: [String: Words]
    /// Pseudo-count that shrinks the value towards zero.
    public var smoothing: Double
    /// At most this many of a ticket's content words (the first ones, in text order) are recorded.
    public static let wordsPerTicket = 16

    public init(tallies: [String: [String: Tally]] = [:], smoothing: Double = 2) {
        self.tallies = tallies.mapValues(Words.init)
        self.smoothing = smoothing
    }

    static func key(_ article: ArticleID, _ position: Int) -> String { key(article.rawValue, position) }
    static func key(_ article: String, _ position: Int) -> String { "\(article)#\(position)" }

    /// The article id (raw value) and position of a ``key(_:_:)`` (split at its last "#").
    static func split(_ key: String) -> (article: String, position: Int)? {
        guard let hash = key.lastIndex(of: "#"), let position = Int(key[key.index(after: hash)...]), position >= 0
        else { return nil }
        return (String(key[..<hash]), position)
    }

    /// Whether no evidence has been recorded.
    public var isEmpty: Bool { tallies.isEmpty }

    /// The prior of one sentence for a ticket with content words `ticketTokens`, in (−1, 1).
    public func value(article: ArticleID, position: Int, ticketTokens: Set<String>) -> Double {
        value(key: Self.key(article, position), sortedTokens: ticketTokens.sorted())
    }

    /// ``value(article:position:ticketTokens:)`` for a precomputed ``key(_:_:)`` and the
    /// ticket's distinct content words already sorted (the same sum in the same order).
    func value(key: String, sortedTokens: [String]) -> Double {
        guard !tallies.isEmpty, let byWord = tallies[key] else { return 0 }
        var net = 0.0, total = 0.0
        for t in sortedTokens {
            guard let tally = byWord[t] else { continue }
            net += tally.positive - tally.negative
            total += tally.positive + tally.negative
        }
        return total == 0 ? 0 : net / (total + smoothing * Double(max(1, sortedTokens.count)))
    }

    /// Adds evidence for (positive `weight`) or against (negative) the sentence, for each of
    /// the ticket's words.
    public mutating func record(article: ArticleID, position: Int, ticketTokens: [String], weight: Double) {
        guard weight != 0 else { return }
        let key = Self.key(article, position)
        // Moved out (not copied: `removeValue` leaves the table its only owner), updated in
        // place, moved back: the key is hashed twice, not once per word.
        var byWord = tallies.removeValue(forKey: key) ?? Words()
        // the first `wordsPerTicket` distinct words, found by a linear scan of a handful
        var seen: [String] = []
        seen.reserveCapacity(Self.wordsPerTicket)
        for t in ticketTokens where seen.count < Self.wordsPerTicket && !seen.contains(t) {
            seen.append(t)
            if weight > 0 {
                byWord.update(t) { $0.positive += weight }
            } else {
                byWord.update(t) { $0.negative -= weight }
            }
        }
        byWord.shrinkToFit()
        tallies[key] = byWord
    }
}
