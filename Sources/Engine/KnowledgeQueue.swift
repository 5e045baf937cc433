import FlywheelCore

/// The knowledge base's authoring queue (world side): missing-knowledge flags open gaps; a gap
/// whose flags reach the threshold is written after the authoring delay and then published.
///
/// A flag on a ticket whose needed article is withheld counts towards that article's gap; a
/// flag on a ticket that lacks nothing is a false alarm and is counted, never authored.
struct KnowledgeQueue: Sendable {
    var flagsNeeded: Int
    var delay: SimDuration
    /// Articles withheld and not yet published.
    private(set) var withheld: Set<ArticleID>
    private(set) var flags: [ArticleID: Int] = [:]
    private(set) var scheduled: [(article: ArticleID, due: Timestamp)] = []
    private(set) var openedAt: [ArticleID: Timestamp] = [:]
    private(set) var falseFlags = 0
    private(set) var closed: [(article: ArticleID, openedAt: Timestamp, closedAt: Timestamp)] = []

    init(withheld: Set<ArticleID>, flagsNeeded: Int, delay: SimDuration) {
        self.withheld = withheld
        self.flagsNeeded = flagsNeeded
        self.delay = delay
    }

    /// Records a flag for `ticket`'s needs at `time`; returns the events it caused.
    mutating func flag(needs: [ArticleID], at time: Timestamp) -> [IterationRecord.KBEvent] {
        let missing = needs.filter { withheld.contains($0) }.sorted()
        guard !missing.isEmpty else {
            falseFlags += 1
            return []
        }
        var events: [IterationRecord.KBEvent] = []
        for article in missing where !scheduled.contains(where: { $0.article == article }) {
            flags[article, default: 0] += 1
            if openedAt[article] == nil {
                openedAt[article] = time
                events.append(.init(time: time, article: article.rawValue, event: "gap_opened", flags: 1))
            }
            if flags[article]! >= flagsNeeded {
                scheduled.append((article, time + delay))
                events.append(.init(time: time, article: article.rawValue, event: "authoring_scheduled", flags: flags[article]!))
            }
        }
        return events
    }

    /// Articles whose authoring finished by `time`, removed from the queue, in due order.
    mutating func publishDue(by time: Timestamp) -> [(article: ArticleID, event: IterationRecord.KBEvent)] {
        let due = scheduled.filter { $0.due <= time }.sorted { ($0.due, $0.article) < ($1.due, $1.article) }
        scheduled.removeAll { $0.due <= time }
        return due.map { item in
            withheld.remove(item.article)
            closed.append((item.article, openedAt[item.article] ?? item.due, item.due))
            return (item.article, .init(time: item.due, article: item.article.rawValue, event: "published", flags: flags[item.article] ?? 0))
        }
    }

    var openGaps: Int { openedAt.keys.filter { withheld.contains($0) }.count }
    var closedGaps: Int { closed.count }
    /// Mean days from a gap's first flag to its publication, over closed gaps.
    var meanDaysToClose: Double? {
        guard !closed.isEmpty else { return nil }
        let days = closed.map { Double($0.closedAt.secondsSinceEpoch - $0.openedAt.secondsSinceEpoch) / 86_400 }
        return days.reduce(0, +) / Double(days.count)
    }
}
