import FlywheelCore
import WorldTruth

extension SyntheticWorldStatistics {
    /// The statistics of a ticket stream fed one ticket at a time, in time order, so a world
    /// of any size is measured while it is written (``SyntheticWorld/writeStream(_:to:name:command:threads:)``)
    /// without holding its tickets. What it keeps grows with the articles, not the tickets:
    /// each article's content words and its expansion words (from the first half of the
    /// stream). The total number of tickets must be known up front (it splits the halves).
    ///
    /// ```swift
    /// var accumulator = SyntheticWorldStatistics.Accumulator(articles: articles, ticketCount: n)
    /// for record in stream { accumulator.add(record) }
    /// let stats = accumulator.statistics
    /// ```
    public struct Accumulator: Sendable {
        let articles: [Article]
        let words: [ArticleID: Set<String>]
        let half: Int
        var seen = 0
        var low = 0, multi = 0, nuggets = 0, conflicting = 0
        var expansion: [ArticleID: Set<String>] = [:]
        var lateLow = 0, lateCount = 0
        var first: Timestamp?

        public init(articles: [Article], ticketCount: Int) {
            self.articles = articles
            words = Dictionary(
                uniqueKeysWithValues: articles.map {
                    ($0.id, SyntheticWorldStatistics.contentWords($0.title + " " + $0.body))
                })
            half = ticketCount / 2
        }

        /// Adds the next ticket of the stream.
        public mutating func add(_ r: TicketRecord) {
            add(r, contentWords: SyntheticWorldStatistics.contentWords(r.ticket.text))
        }

        /// Adds the next ticket, whose text's ``SyntheticWorldStatistics/contentWords(_:)``
        /// are `tw` (computed beforehand, possibly on another thread).
        public mutating func add(_ r: TicketRecord, contentWords tw: Set<String>) {
            if first == nil { first = r.ticket.createdAt }
            let needed =
                r.truth.nuggets.first?.article
                ?? r.truth.relevant.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            if let a = needed, let aw = words[a] {
                if !Self.shares(2, of: tw, with: aw) { low += 1 }
                if seen < half {
                    for (b, grade) in r.truth.relevant where grade >= 2 { expansion[b, default: []].formUnion(tw) }
                } else {
                    lateCount += 1
                    if !Self.shares(2, of: tw, with: aw, or: expansion[a]) { lateLow += 1 }
                }
            }
            if r.truth.relevant.values.filter({ $0 >= 2 }).count >= 2 { multi += 1 }
            nuggets += r.truth.nuggets.count
            if !r.truth.conflicting.isEmpty { conflicting += 1 }
            seen += 1
        }

        /// Whether at least `n` words of `ticket` are in `article` or in `expansion`: the size of
        /// `ticket ∩ (article ∪ expansion)` compared with `n`, without building either set.
        static func shares(
            _ n: Int, of ticket: Set<String>, with article: Set<String>, or expansion: Set<String>? = nil
        )
            -> Bool
        {
            var found = 0
            for w in ticket where article.contains(w) || expansion?.contains(w) == true {
                found += 1
                if found >= n { return true }
            }
            return false
        }

        /// Whether the symmetric difference of `a` and `b` has 1…6 words, counted without building it
        /// (|a| + |b| − 2 |a ∩ b|; sizes further apart than 6 answer at once).
        static func nearDuplicates(_ a: Set<String>, _ b: Set<String>) -> Bool {
            guard abs(a.count - b.count) <= 6 else { return false }
            let (small, large) = a.count <= b.count ? (a, b) : (b, a)
            var shared = 0
            for w in small where large.contains(w) { shared += 1 }
            let d = a.count + b.count - 2 * shared
            return d >= 1 && d <= 6
        }

        /// The statistics of the tickets added so far.
        public var statistics: SyntheticWorldStatistics {
            var byTopic: [String: [Set<String>]] = [:]
            for a in articles { byTopic[a.topic ?? "", default: []].append(words[a.id]!) }
            var withTwin = 0
            for key in byTopic.keys.sorted() {
                let sets = byTopic[key]!
                for i in sets.indices {
                    if sets.indices.contains(where: { j in j != i && Self.nearDuplicates(sets[i], sets[j]) }) {
                        withTwin += 1
                    }
                }
            }
            let n = Double(max(1, seen))
            let first = self.first
            return SyntheticWorldStatistics(
                tickets: seen, articles: articles.count, lowOverlapShare: Double(low) / n,
                expandedLowOverlapShare: Double(lateLow) / Double(max(1, lateCount)),
                twinShare: Double(withTwin) / Double(max(1, articles.count)), multiIssueShare: Double(multi) / n,
                meanNuggets: Double(nuggets) / n,
                newPolicyShare: Double(
                    articles.filter { a in
                        guard let f = first, let i = a.introducedAt else { return false }
                        return i > f
                    }.count) / Double(max(1, articles.count)),
                conflictingShare: Double(conflicting) / n)
        }
    }

    init(
        tickets: Int, articles: Int, lowOverlapShare: Double, expandedLowOverlapShare: Double, twinShare: Double,
        multiIssueShare: Double, meanNuggets: Double, newPolicyShare: Double, conflictingShare: Double
    ) {
        self.tickets = tickets
        self.articles = articles
        self.lowOverlapShare = lowOverlapShare
        self.expandedLowOverlapShare = expandedLowOverlapShare
        self.twinShare = twinShare
        self.multiIssueShare = multiIssueShare
        self.meanNuggets = meanNuggets
        self.newPolicyShare = newPolicyShare
        self.conflictingShare = conflictingShare
    }
}
