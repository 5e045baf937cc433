import FlywheelCore
import Testing
import World
import WorldTruth

@testable import Engine

/// How a log's annotations on one served ticket become deliveries (docs/annotations.md, "The
/// offline-replay arm"): at their logged times, about the logged exposure, and training the
/// generator only when the exposure holds reply objects.
@Suite struct LoggedFeedbackTests {
    static let t0 = Timestamp(iso8601: "2026-01-05T09:00:00Z")!
    static let ticket = Ticket(id: "t-1", createdAt: t0, text: "Where is my refund?")
    static let record = TicketRecord(ticket: ticket, truth: TicketTruth(ticket: "t-1", relevant: ["a-1": 1]))
    static let served = ServedSuggestion(
        ticket: ticket, shown: RankedList(ticket: "t-1", entries: [.init(article: "a-9", score: 1)]),
        a: Reply(greeting: "Hi", sentences: [], closing: "", tone: .brief),
        b: Reply(greeting: "Hello", sentences: [], closing: "", tone: .brief))
    static let context = FeedbackContext(
        seed: 1, replicate: 0, published: ["a-1"], library: ["a-1"],
        judging: JudgingContext(truth: record.truth, judge: Judge()))

    static func logged(_ a: Annotation, after days: Int64 = 0, seconds: Double = 4) -> AnnotationLogEntry {
        .annotation(
            LoggedAnnotation(
                time: Timestamp(secondsSinceEpoch: t0.secondsSinceEpoch + days * 86_400), annotation: a,
                seconds: seconds))
    }

    static func feedback(_ entries: [AnnotationLogEntry]) throws -> [DeliveredFeedback] {
        var log = AnnotationLog(source: "test.jsonl")
        for e in entries { try log.add(e) }
        var source = LoggedFeedback(log: log)
        return source.feedback(on: record, served: served, context: context)
    }

    @Test func annotationsGivenLaterAreDeliveredAtTheirOwnTime() throws {
        let mark = RelevanceAnnotation(ticket: "t-1", agent: "ag", article: "a-1", rank: 1, relevant: true)
        let adoption = AdoptionAnnotation(ticket: "t-1", agent: "ag", outcome: .used)
        let deliveries = try Self.feedback([
            Self.logged(.relevance(mark)), Self.logged(.adoption(adoption), after: 8, seconds: 5)
        ])
        #expect(
            deliveries.map(\.time) == [Self.t0, Timestamp(secondsSinceEpoch: Self.t0.secondsSinceEpoch + 8 * 86_400)])
        #expect(deliveries[0].feedback.relevance == [mark] && deliveries[0].costs.relevance == 4)
        #expect(deliveries[1].feedback.adoption == adoption && deliveries[1].costs.adoption == 5)
        // No exposure: the replay's own suggestion stands in, and replies are not known.
        #expect(deliveries.allSatisfy { !$0.repliesKnown && $0.served == Self.served })
    }

    @Test func anExposureWithReplyObjectsIsWhatTheAnnotationsAreAbout() throws {
        let a = Reply(
            greeting: "Hi,",
            sentences: [.init(text: "Refunds take 5 days.", article: "a-1", articleRank: 1, position: 0)], closing: "",
            tone: .brief)
        let exposure = Exposure(ticket: "t-1", time: Self.t0, shown: ["a-1", "a-2"], a: a, b: a)
        let pref = PreferenceAnnotation(ticket: "t-1", agent: "ag", choice: .tie, margin: nil)
        let d = try #require(
            try Self.feedback([.exposure(exposure), Self.logged(.preference(pref), seconds: 12)]).first)
        #expect(d.repliesKnown)
        #expect(d.served.a == a && d.served.shown.articles == ["a-1", "a-2"])
        #expect(d.feedback.preference == pref && d.costs.preference == 12)
    }

    @Test func replyTextAloneDoesNotTrainTheGenerator() throws {
        let exposure = Exposure(
            ticket: "t-1", time: Self.t0, shown: ["a-1"], a: nil, b: nil, textA: "Hi", textB: "Hello")
        let adoption = AdoptionAnnotation(ticket: "t-1", agent: "ag", outcome: .rejected)
        let d = try #require(try Self.feedback([.exposure(exposure), Self.logged(.adoption(adoption))]).first)
        #expect(!d.repliesKnown)
        #expect(d.served.shown.articles == ["a-1"])
    }

    @Test func aTicketWithoutAnnotationsGetsNoFeedback() throws {
        #expect(try Self.feedback([]).isEmpty)
    }
}
