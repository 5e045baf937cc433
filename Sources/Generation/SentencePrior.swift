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

    /// Evidence by `"<article id>#<position>"`, then by ticket content word (``Words``, by the
    /// word's id in ``vocabulary``; ``words(of:)`` reads them as words).
    public internal(set) var tallies: [String: Words]
    /// Pseudo-count that shrinks the value towards zero.
    public var smoothing: Double
    /// The interning of the words of ``tallies``, shared with this prior's copies; not part of
    /// equality or coding.
    var vocabulary = Vocabulary()
    /// ``Vocabulary/count`` after the last ``compactVocabulary()`` (0 before any).
    var compactedWords = 0
    /// At most this many of a ticket's content words (the first ones, in text order) are recorded.
    public static let wordsPerTicket = 16

    enum CodingKeys: String, CodingKey {
        case tallies, smoothing
    }

    public init(tallies: [String: [String: Tally]] = [:], smoothing: Double = 2) {
        self.tallies = [:]
        self.smoothing = smoothing
        for (key, byWord) in tallies {
            let ids = vocabulary.ids(Array(byWord.keys))
            self.tallies[key] = Words(uniqueIDs: zip(ids, byWord.values).map { (key: $0, value: $1) })
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tallies: try c.decode([String: [String: Tally]].self, forKey: .tallies),
            smoothing: try c.decode(Double.self, forKey: .smoothing))
    }

    /// Encoded as the word → tally dictionaries of each sentence.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(
            tallies.keys.reduce(into: [String: [String: Tally]]()) { $0[$1] = words(of: $1) }, forKey: .tallies)
        try c.encode(smoothing, forKey: .smoothing)
    }

    /// The evidence for the sentence with key `key` (``key(_:_:)``) by word, nil when it has none.
    public func words(of key: String) -> [String: Tally]? {
        guard let byWord = tallies[key] else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(vocabulary.words(byWord.keys), byWord.values))
    }

    /// Equal when they hold the same tallies for the same (sentence, word) pairs and the same
    /// smoothing, whatever the ids their vocabularies gave the words.
    public static func == (lhs: SentencePrior, rhs: SentencePrior) -> Bool {
        guard lhs.smoothing == rhs.smoothing, lhs.tallies.count == rhs.tallies.count else { return false }
        if lhs.vocabulary === rhs.vocabulary { return lhs.tallies == rhs.tallies }
        return lhs.tallies.keys.allSatisfy { lhs.words(of: $0) == rhs.words(of: $0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(smoothing)
        hasher.combine(tallies.count)
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
    /// ticket's distinct content words already sorted (the same sum in the same order: the
    /// words' ids are looked up in that order, and a word never interned has no tally).
    func value(key: String, sortedTokens: [String]) -> Double {
        guard !tallies.isEmpty, let byWord = tallies[key] else { return 0 }
        var net = 0.0, total = 0.0
        for id in vocabulary.knownIDs(sortedTokens) {
            guard let tally = byWord[id] else { continue }
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
        // the first `wordsPerTicket` distinct words, found by a linear scan of a handful
        var seen: [String] = []
        seen.reserveCapacity(Self.wordsPerTicket)
        for t in ticketTokens where seen.count < Self.wordsPerTicket && !seen.contains(t) { seen.append(t) }
        let ids = vocabulary.ids(seen)
        // Moved out (not copied: `removeValue` leaves the table its only owner), updated in
        // place, moved back: the key is hashed twice, not once per word.
        var byWord = tallies.removeValue(forKey: key) ?? Words()
        for id in ids {
            if weight > 0 {
                byWord.update(id) { $0.positive += weight }
            } else {
                byWord.update(id) { $0.negative -= weight }
            }
        }
        byWord.shrinkToFit()
        tallies[key] = byWord
    }
}
