import FlywheelCore
import WorldTruth

/// What `flywheel corpus inspect` prints: counts, topics, text lengths, relevant articles per
/// ticket and the date range, computed in one streaming pass over the tickets.
///
/// ```swift
/// let stats = try CorpusStatistics(corpus: CorpusReader(directory: "corpora/marketplace"))
/// print(stats.ticketWords.median)
/// ```
public struct CorpusStatistics: Sendable {
    public var articles = 0
    public var tickets = 0
    public var annotations: Int?
    /// Topic → (articles with it, tickets whose best relevant article has it), by tickets then articles.
    public var topics: [(topic: String, articles: Int, tickets: Int)] = []
    public var articleWords = Distribution([])
    public var ticketWords = Distribution([])
    /// Articles with grade > 0 per ticket.
    public var relevantPerTicket = Distribution([])
    public var firstTicket: Timestamp?
    public var lastTicket: Timestamp?
    public var ticketsWithNuggets = 0
    public var ticketsWithReference = 0
    public var articlesWithIntroducedAt = 0

    public init(corpus: CorpusReader) throws {
        let kb = try corpus.articles()
        articles = kb.count
        var topicOf: [ArticleID: String] = [:]
        var articleTopics: [String: Int] = [:]
        var ticketTopics: [String: Int] = [:]
        articleWords = Distribution(kb.map { WordCount.words($0.title) + WordCount.words($0.body) })
        for a in kb {
            if let t = a.topic {
                topicOf[a.id] = t
                articleTopics[t, default: 0] += 1
            }
            if a.introducedAt != nil { articlesWithIntroducedAt += 1 }
        }
        var stream = try corpus.tickets()
        // counts of each value, not one value per ticket: memory bounded whatever the stream's length
        var words = Distribution.Counts(), relevant = Distribution.Counts()
        while let r = try stream.next() {
            tickets += 1
            words.add(WordCount.words(r.ticket.text))
            relevant.add(r.truth.relevant.values.filter { $0 > 0 }.count)
            if firstTicket == nil { firstTicket = r.ticket.createdAt }
            lastTicket = r.ticket.createdAt
            if !r.truth.nuggets.isEmpty { ticketsWithNuggets += 1 }
            if r.truth.referenceResponse != nil { ticketsWithReference += 1 }
            let best = r.truth.relevant.filter { $0.value > 0 }.max { a, b in
                a.value < b.value || (a.value == b.value && a.key > b.key)
            }
            if let best, let t = topicOf[best.key] { ticketTopics[t, default: 0] += 1 }
        }
        ticketWords = Distribution(words)
        relevantPerTicket = Distribution(relevant)
        if var a = try corpus.annotations() {
            var n = 0
            while try a.next() != nil { n += 1 }
            annotations = n
        }
        topics = Set(articleTopics.keys).union(ticketTopics.keys)
            .map { (topic: $0, articles: articleTopics[$0] ?? 0, tickets: ticketTopics[$0] ?? 0) }
            .sorted { ($0.tickets, $0.articles, $1.topic) > ($1.tickets, $1.articles, $0.topic) }
    }
}

/// Order statistics of a list of counts (nearest-rank percentiles).
public struct Distribution: Sendable, Hashable {
    public let count: Int
    public let min: Int, median: Int, p90: Int, max: Int
    public let mean: Double
    /// How many values equal 0, 1, 2, … (the last bucket holds everything ≥ its index).
    public let histogram: [Int]

    public init(_ values: [Int], buckets: Int = 5) {
        let s = values.sorted()
        count = s.count
        func rank(_ p: Double) -> Int {
            guard !s.isEmpty else { return 0 }
            let k = Int((p * Double(s.count)).rounded(.up))
            return s[Swift.max(0, Swift.min(s.count - 1, k - 1))]
        }
        min = s.first ?? 0
        max = s.last ?? 0
        median = rank(0.5)
        p90 = rank(0.9)
        mean = s.isEmpty ? 0 : Double(s.reduce(0, +)) / Double(s.count)
        var h = [Int](repeating: 0, count: buckets)
        for v in s { h[Swift.min(Swift.max(v, 0), buckets - 1)] += 1 }
        histogram = h
    }
}

/// Whitespace-separated words, counted over UTF-8 bytes.
enum WordCount {
    static func words(_ text: String) -> Int {
        var n = 0
        var inWord = false
        for c in text.utf8 {
            let space = c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
            if !space && !inWord { n += 1 }
            inWord = !space
        }
        return n
    }
}
