import FlywheelCore
import Foundation
import FlywheelTestSupport
import WorldTruth

@testable import Corpora

/// A tiny corpus with the awkward cases: quotes, backslashes, newlines, control characters,
/// non-ASCII text, optional fields present and absent, every annotation kind.
enum Sample {
    static let t0 = Timestamp(iso8601: "2026-01-05T09:30:00Z")!

    static let articles: [Article] = [
        Article(
            id: "A1", title: "Refunds for \"cancelled\" stays", body: "Line one.\nLine two\twith tab \\ and é, 日本, 🏠.",
            topic: "refunds", createdAt: t0, introducedAt: t0 + .days(3)),
        Article(id: "A2", title: "Host payouts", body: "Payouts arrive in 3–5 days.\u{01}"),
        Article(id: "A3", title: "Pets", body: "Service animals are always allowed.", topic: "listings")
    ]

    static let tickets: [TicketRecord] = [
        record(
            "T1", 0, "my refund??? \"where\"", ["A1": 2], nuggets: [Nugget(text: "Refund in 5 days", article: "A1")],
            reference: "Hi!\nYour refund is on its way.", conflicting: ["A2"], channel: "email", locale: "en-GB"),
        record("T2", 3600, "payout late", ["A2": 3, "A1": 1]),
        record("T3", 3600, "can i bring my dog 🐕", ["A3": 2], nuggets: [Nugget(text: "Service animals allowed")])
    ]

    static let annotations: [Annotation] = [
        .preference(PreferenceAnnotation(ticket: "T1", agent: "ag1", choice: .a, margin: .clearly)),
        .preference(PreferenceAnnotation(ticket: "T2", agent: "ag1", choice: .tie, margin: nil)),
        .adoption(
            AdoptionAnnotation(
                ticket: "T1", agent: "ag2", outcome: .edited, rationale: .toneOrStyle, rationaleText: "too \"formal\"")),
        .relevance(RelevanceAnnotation(ticket: "T3", agent: "ag2", article: "A3", rank: 1, relevant: true)),
        .missingKnowledge(MissingKnowledgeAnnotation(ticket: "T2", agent: "ag3", note: "payout late bank")),
        .missingKnowledge(MissingKnowledgeAnnotation(ticket: "T3", agent: "ag3"))
    ]

    static func record(
        _ id: String, _ offset: Int64, _ text: String, _ relevant: [ArticleID: Int], nuggets: [Nugget] = [],
        reference: String? = nil, conflicting: [ArticleID] = [], channel: String? = nil, locale: String? = nil
    ) -> TicketRecord {
        let tid = TicketID(id)
        return TicketRecord(
            ticket: Ticket(
                id: tid, createdAt: Timestamp(secondsSinceEpoch: t0.secondsSinceEpoch + offset), text: text,
                channel: channel, locale: locale),
            truth: TicketTruth(
                ticket: tid, relevant: relevant, nuggets: nuggets, referenceResponse: reference,
                conflicting: conflicting))
    }

    /// Writes the sample corpus into `dir` and returns its manifest.
    @discardableResult
    static func write(to dir: String, annotations withAnnotations: Bool = true) throws -> Manifest {
        var w = try CorpusWriter(directory: dir, name: "sample", source: "tests", license: "CC0-1.0", command: "test")
        for a in articles { try w.write(a) }
        for t in tickets { try w.write(t) }
        if withAnnotations { for a in annotations { try w.write(a) } }
        return try w.finish()
    }
}

/// Reading every ticket of a stream.
func readAll(_ stream: TicketStream) throws -> [TicketRecord] {
    var s = stream
    var out: [TicketRecord] = []
    while let r = try s.next() { out.append(r) }
    return out
}

/// Compressing `text` with the project's writer into `path` (for hand-made bad corpora).
func writeZstd(_ text: String, to path: String) throws {
    let w = try ZstdFileWriter(path: path)
    try w.write(Array(text.utf8))
    _ = try w.finish()
}

/// Compressing raw bytes (possibly invalid UTF-8).
func writeZstd(bytes: [UInt8], to path: String) throws {
    let w = try ZstdFileWriter(path: path)
    try w.write(bytes)
    _ = try w.finish()
}

/// The checked-in fixtures of the Corpora tests.
enum Repo {
    static func fixture(_ name: String) -> String { Repository.path("Tests/CorporaTests/Fixtures/" + name) }
}
