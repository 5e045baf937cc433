import FlywheelCore
import Foundation
import Testing
import WorldTruth

@testable import Reports

/// The per-persona panels' figures, from annotation-log entries and the truth: volume and agent
/// time per replicate, relevance marks against the graded relevance, A/B choices against the
/// judge's true quality of the two logged replies.
@Suite struct PersonaTallyTests {
    static let t0 = Timestamp(iso8601: "2025-01-06T09:00:00Z")!
    static let truth = TicketTruth(ticket: "t1", relevant: ["good": 2, "zero": 0])

    static func reply(_ article: ArticleID) -> Reply {
        Reply(
            greeting: "Hi",
            sentences: [.init(text: "About \(article).", article: article, articleRank: 1, position: 0)],
            closing: "Bye", tone: .brief)
    }

    static func note(_ a: Annotation, persona: String?, seconds: Double = 6) -> AnnotationLogEntry {
        .annotation(LoggedAnnotation(time: t0, annotation: a, seconds: seconds, persona: persona))
    }

    static func relevance(_ article: ArticleID, _ relevant: Bool, persona: String? = "expert", ticket: TicketID = "t1")
        -> AnnotationLogEntry
    {
        note(
            .relevance(.init(ticket: ticket, agent: "a1", article: article, rank: 1, relevant: relevant)),
            persona: persona)
    }

    static func choice(_ c: PreferenceChoice, persona: String = "expert") -> AnnotationLogEntry {
        note(
            .preference(.init(ticket: "t1", agent: "a1", choice: c, margin: c == .a || c == .b ? .clearly : nil)),
            persona: persona)
    }

    /// The quality the test's "judge" gives: 0.9 for a reply citing `good`, 0.2 otherwise.
    static func tallies() -> PersonaTallies {
        PersonaTallies(
            truth: { $0 == "t1" ? truth : nil }, quality: { reply, _ in reply.citedArticles == ["good"] ? 0.9 : 0.2 })
    }

    @Test func relevanceMarksAreJudgedAgainstTheGradedRelevance() throws {
        var t = Self.tallies()
        // relevant ⇔ grade > 0: "good" relevant ✓, "zero" (grade 0) relevant ✗, "other" (absent) not relevant ✓.
        for e in [Self.relevance("good", true), Self.relevance("zero", true), Self.relevance("other", false)] {
            t.add(e, arm: "aitl", replicate: 0)
        }
        // A ticket outside the corpus is counted, not judged.
        t.add(Self.relevance("good", true, ticket: "elsewhere"), arm: "aitl", replicate: 0)
        let row = try #require(t.rows.first)
        #expect(row.counts[.relevance] == 4)
        #expect(row.relevance == .init(judged: 3, correct: 2))
        #expect(row.seconds == 24 && row.preference.judged == 0)
    }

    @Test func choicesAreJudgedAgainstTheTrueQualityOfTheLoggedReplies() throws {
        var t = Self.tallies()
        t.add(
            .exposure(
                Exposure(ticket: "t1", time: Self.t0, shown: ["good"], a: Self.reply("good"), b: Self.reply("other"))),
            arm: "aitl", replicate: 0)
        // A is better (0.9 vs 0.2): a agrees, b disagrees, tie and both_bad are not judged.
        for c in [PreferenceChoice.a, .a, .b, .tie, .bothBad] { t.add(Self.choice(c), arm: "aitl", replicate: 0) }
        let row = try #require(t.rows.first)
        #expect(row.counts[.preference] == 5)
        #expect(row.preference == .init(judged: 3, correct: 2))

        // Equal quality: not judged; a choice without the replies logged: not judged.
        var equal = Self.tallies()
        equal.add(
            .exposure(Exposure(ticket: "t1", time: Self.t0, shown: [], a: Self.reply("x"), b: Self.reply("y"))),
            arm: "aitl", replicate: 0)
        equal.add(Self.choice(.a), arm: "aitl", replicate: 0)
        equal.add(Self.choice(.b), arm: "aitl", replicate: 1)  // another job: its own exposures (none)
        #expect(equal.rows.first?.preference.judged == 0)
    }

    @Test func rowsPerArmAndPersonaWithPerReplicateMeans() {
        var t = Self.tallies()
        for replicate in 0..<2 {
            t.add(Self.relevance("good", true), arm: "aitl", replicate: replicate)
            t.add(Self.relevance("good", false, persona: "novice"), arm: "aitl", replicate: replicate)
        }
        t.add(Self.relevance("good", true, persona: nil), arm: "batch", replicate: 0)
        let rows = t.rows
        #expect(
            rows.map { "\($0.arm)/\($0.persona)" } == ["aitl/expert", "aitl/novice", "batch/\(PersonaTally.unknown)"])
        #expect(rows[0].replicates == 2 && rows[0].annotationsPerReplicate == 1 && rows[0].minutesPerReplicate == 0.1)
        #expect(rows[1].relevance.rate == 0 && rows[0].relevance.rate == 1)
        #expect(rows[2].replicates == 1)
    }

    @Test func onlyWhatTheArmCollectsIsTallied() throws {
        // "frozen" collects nothing, "no-relevance" everything but relevance marks.
        var t = PersonaTallies(
            truth: { $0 == "t1" ? Self.truth : nil }, quality: { _, _ in 0 },
            collects: { arm, kind in arm == "no-relevance" ? kind != .relevance : arm != "frozen" })
        for arm in ["aitl", "frozen", "no-relevance"] {
            t.add(Self.relevance("good", true), arm: arm, replicate: 0)
            t.add(Self.choice(.tie), arm: arm, replicate: 0)
        }
        #expect(t.rows.map(\.arm) == ["aitl", "no-relevance"])
        let ablated = try #require(t.rows.last)
        #expect(ablated.counts == [.preference: 1] && ablated.seconds == 6 && ablated.relevance.judged == 0)
    }

    @Test func panelsDrawEveryPersonaEscaped() {
        var t = Self.tallies()
        t.add(Self.relevance("good", true, persona: "<b>x</b>"), arm: "aitl", replicate: 0)
        let html = HTMLReport.personaPanels(t.rows, colors: ["aitl": "#000"])
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"))
        for title in [
            "annotations per replicate", "agent minutes per replicate", "relevance marks agreeing with the truth"
        ] {
            #expect(html.contains("aria-label=\"\(title)\""))
        }
        #expect(html.contains("100.0% (1)"))
        #expect(HTMLReport.personaPanels([], colors: [:]).contains("No collected agent feedback"))
    }
}
