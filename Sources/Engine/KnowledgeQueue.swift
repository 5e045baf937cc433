import Evaluation
import FlywheelCore
import WorldTruth

/// The knowledge base's authoring desk (world side). Agents' missing-knowledge flags carry only
/// a ticket and a note; the authors read the flagged tickets and decide what, if anything, to
/// write.
///
/// - **Reading.** An author reads a ticket as needing one article: the most needed article the
///   published knowledge base lacks, else its most needed article (``reading(of:published:)``).
///   Every served ticket is read the same way (the desk's ticket analytics), flagged or not, so
///   each group has a flag count *and* a volume.
/// - **Triage.** A group goes to an author when it has at least `flagsNeeded` flags *and* it is
///   flagged more often than the desk's overall flag rate by a one-sided binomial test at level
///   `significance`: flags that land everywhere at one rate — zero-skill flaggers — say nothing,
///   however many there are. Every flag costs `triageMinutes`; every review `reviewMinutes`.
/// - **Authoring.** A reviewed group whose article is already published is a false alarm (its
///   counts restart). Otherwise, after `delay`, the author writes the article with probability
///   `skill`; else its unpublished near-duplicate when there is one (the wrong version of the
///   policy), else nothing.
struct KnowledgeQueue: Sendable {
    typealias Settings = EngineConfig.Authoring

    struct Group: Sendable {
        var served = 0
        var flags = 0
        var openedAt: Timestamp?
    }

    let settings: Settings
    /// Articles withheld and not yet published or scheduled.
    private(set) var withheld: Set<ArticleID>
    private(set) var groups: [ArticleID: Group] = [:]
    private(set) var scheduled: [(group: ArticleID, written: ArticleID?, due: Timestamp)] = []
    private(set) var served = 0
    private(set) var flags = 0
    private(set) var falseFlags = 0
    private(set) var minutes = 0.0
    private(set) var closed: [(article: ArticleID, openedAt: Timestamp, closedAt: Timestamp)] = []
    /// Reviews that wrote a different article than the group needed.
    private(set) var wrongArticles = 0

    init(withheld: Set<ArticleID>, settings: Settings) {
        self.withheld = withheld
        self.settings = settings
    }

    /// The article an author reads `truth`'s ticket as needing (nil: it needs none).
    /// One pass, no allocation: it runs for every served ticket.
    static func reading(of truth: TicketTruth, published: (ArticleID) -> Bool) -> ArticleID? {
        func before(_ a: (key: ArticleID, value: Int), _ b: (key: ArticleID, value: Int)?) -> Bool {
            guard let b else { return true }
            return a.value != b.value ? a.value > b.value : a.key < b.key
        }
        var mostNeeded: (key: ArticleID, value: Int)?
        var mostNeededMissing: (key: ArticleID, value: Int)?
        for entry in truth.relevant where entry.value > 0 {
            if before(entry, mostNeeded) { mostNeeded = entry }
            if !published(entry.key), before(entry, mostNeededMissing) { mostNeededMissing = entry }
        }
        return (mostNeededMissing ?? mostNeeded)?.key
    }

    /// Counts one served ticket in its group's volume.
    mutating func observe(_ truth: TicketTruth, published: (ArticleID) -> Bool) {
        served += 1
        if let g = Self.reading(of: truth, published: published) { groups[g, default: Group()].served += 1 }
    }

    /// Records a flag on a ticket (already ``observe(_:published:)``d) at `time`; returns the
    /// events it caused. `rng` decides what the author writes, if the group is reviewed.
    mutating func flag(
        _ truth: TicketTruth, published: (ArticleID) -> Bool, at time: Timestamp, rng: RandomStream
    ) -> [KBEvent] {
        flags += 1
        minutes += settings.triageMinutes
        guard let g = Self.reading(of: truth, published: published) else {
            falseFlags += 1
            return []
        }
        if published(g) { falseFlags += 1 }
        var group = groups[g, default: Group()]
        group.flags += 1
        var events: [KBEvent] = []
        if group.openedAt == nil {
            group.openedAt = time
            events.append(.init(time: time, article: g.rawValue, kind: .gapOpened, flags: 1))
        }
        groups[g] = group
        guard group.flags >= settings.flagsNeeded, !scheduled.contains(where: { $0.group == g }) else { return events }
        let rate = Double(flags) / Double(max(served, 1))
        let p = Binomial.upperTail(atLeast: group.flags, of: max(group.served, group.flags), p: rate)
        guard p < settings.significance else { return events }
        minutes += settings.reviewMinutes
        guard withheld.contains(g) else {
            // already covered: a false alarm; the group's evidence starts again
            groups[g] = Group()
            events.append(.init(time: time, article: g.rawValue, kind: .alreadyCovered, flags: group.flags))
            return events
        }
        var draw = rng
        let written: ArticleID?
        if draw.bernoulli(settings.skill) {
            written = g
        } else {
            written = truth.conflicting.sorted().first { withheld.contains($0) && $0 != g }
            wrongArticles += 1
        }
        withheld.remove(g)
        if let written { withheld.remove(written) }
        scheduled.append((g, written, time + settings.delay))
        events.append(
            .init(
                time: time, article: (written ?? g).rawValue,
                kind: written == g ? .authoringScheduled : (written == nil ? .nothingWritten : .wrongArticleScheduled),
                flags: group.flags))
        return events
    }

    /// Articles whose authoring finished by `time`, removed from the queue, in due order.
    mutating func publishDue(by time: Timestamp) -> [(article: ArticleID, event: KBEvent)] {
        let due = scheduled.filter { $0.due <= time }.sorted { ($0.due, $0.group) < ($1.due, $1.group) }
        scheduled.removeAll { $0.due <= time }
        var out: [(ArticleID, KBEvent)] = []
        for item in due {
            if item.written == item.group {
                closed.append((item.group, groups[item.group]?.openedAt ?? item.due, item.due))
            } else {
                // the group's article is still missing: it may be flagged and reviewed again
                withheld.insert(item.group)
                groups[item.group] = Group()
            }
            if let written = item.written {
                out.append(
                    (
                        written,
                        .init(
                            time: item.due, article: written.rawValue, kind: .published,
                            flags: groups[item.group]?.flags ?? 0)
                    ))
            }
        }
        return out
    }

    /// Groups with flags whose article is still missing.
    var openGaps: Int { groups.filter { $0.value.flags > 0 && withheld.contains($0.key) }.count }
    var closedGaps: Int { closed.count }
    /// Mean days from a gap's first flag to its publication, over closed gaps.
    var meanDaysToClose: Double? {
        guard !closed.isEmpty else { return nil }
        let days = closed.map { Double($0.closedAt.secondsSinceEpoch - $0.openedAt.secondsSinceEpoch) / 86_400 }
        return days.reduce(0, +) / Double(days.count)
    }
}
