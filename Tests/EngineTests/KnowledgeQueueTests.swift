import FlywheelCore
import Testing
import WorldTruth

@testable import Engine

/// The authoring desk reads flagged tickets and writes only where flags concentrate beyond
/// their overall rate (docs/world.md, "Missing knowledge and authoring").
@Suite struct KnowledgeQueueTests {
    static let articles: [ArticleID] = (0..<40).map { ArticleID("a\($0)") }
    /// a0…a9 withheld; every ticket needs one article, a0…a39 in turn.
    static let withheld = Set(articles.prefix(10))

    func truth(_ i: Int) -> TicketTruth { TicketTruth(ticket: TicketID("t\(i)"), relevant: [Self.articles[i % 40]: 2]) }
    func desk(skill: Double = 1) -> KnowledgeQueue {
        KnowledgeQueue(
            withheld: Self.withheld,
            settings: .init(
                flagsNeeded: 3, delay: .days(10), significance: 0.001, skill: skill, triageMinutes: 2, reviewMinutes: 30
            ))
    }
    let t0 = Timestamp(secondsSinceEpoch: 1_700_000_000)

    /// Serves 4,000 tickets, flagging each with `flagged(i, published)`; returns the events.
    func run(_ desk: inout KnowledgeQueue, flagged: (Int, Set<ArticleID>) -> Bool) -> [KBEvent] {
        var events: [KBEvent] = []
        var published = Set(Self.articles).subtracting(Self.withheld)
        for i in 0..<4_000 {
            let time = t0 + .hours(i)
            for (a, _) in desk.publishDue(by: time) { published.insert(a) }
            let t = truth(i)
            let p = published
            desk.observe(t, published: { p.contains($0) })
            if flagged(i, p) {
                events += desk.flag(
                    t, published: { p.contains($0) }, at: time,
                    rng: RandomStream(seed: 1, purpose: "authoring", ids: [UInt64(i)]))
            }
        }
        return events
    }

    @Test func flagsIndependentOfTheTicketAuthorNothing() {
        // Zero-skill flaggers: half of all tickets, whatever they need (α = 0.001 per test).
        var d = desk()
        let events = run(&d) { i, _ in
            var r = RandomStream(seed: 9, purpose: "coin", ids: [UInt64(i)])
            return r.bernoulli(0.5)
        }
        #expect(d.closedGaps == 0)
        #expect(!events.contains { $0.kind == .authoringScheduled })
        #expect(d.falseFlags > 1_000)  // flags on tickets the KB already answers
        #expect(d.minutes >= Double(d.flags) * 2)  // every flag costs triage time
    }

    @Test func flagsOnTicketsThatLackAnArticleGetItWritten() {
        // Perfect flaggers: exactly the tickets whose article is withheld.
        var d = desk()
        _ = run(&d) { i, published in !published.contains(Self.articles[i % 40]) }
        #expect(d.closedGaps == 10)
        #expect(d.openGaps == 0)
        #expect(d.falseFlags == 0)
    }

    @Test func anUnskilledAuthorWritesNothingOrTheWrongArticle() {
        var d = desk(skill: 0)
        _ = run(&d) { i, published in !published.contains(Self.articles[i % 40]) }
        #expect(d.closedGaps == 0)
        #expect(d.wrongArticles > 0)
    }
}
