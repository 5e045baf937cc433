import Corpora
import FlywheelCore
import Foundation
import Testing

/// The annotation log format (docs/annotations.md): every entry survives a write and a read,
/// every bad line is named by file, line and key, and a CSV export imports with a mapping.
@Suite struct AnnotationLogTests {
    static let good = Repo.fixture("annotations/good.jsonl")
    static let bad = Repo.fixture("annotations/bad.jsonl")
    static let tickets: Set<TicketID> = ["t-1", "t-2"]
    static let articles: Set<ArticleID> = ["a-1", "a-2"]

    @Test func everyKindOfLineRoundTripsByteForByte() throws {
        var lines: [String] = []
        try AnnotationLogReader.forEachEntry(in: Self.good) { entry, _ in lines.append(entry.jsonLine) }
        #expect(lines.count == 5)
        var again: [String] = []
        let copy = NSTemporaryDirectory() + "annotation-log-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: copy, atomically: true, encoding: .utf8)
        try AnnotationLogReader.forEachEntry(in: copy) { entry, _ in again.append(entry.jsonLine) }
        #expect(again == lines)
        // The fixture's own lines are already in the canonical form, except the blank line.
        let original = try String(contentsOfFile: Self.good, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(original == lines)
    }

    @Test func theReadLogIndexesExposuresAndAnnotationsByTicket() throws {
        let log = try AnnotationLogReader.read(Self.good, tickets: Self.tickets, articles: Self.articles)
        let exposure = try #require(log.exposures["t-1"])
        #expect(exposure.shown == ["a-1", "a-2"])
        #expect(exposure.a?.sentences.first?.article == "a-1")
        #expect(exposure.b == nil && exposure.textB == "Hello. Please wait.")
        #expect(exposure.propensityA == 0.5)
        #expect(log.annotations["t-1"]?.map(\.annotation.kind) == [.preference, .adoption, .relevance])
        #expect(log.annotations["t-1"]?.first?.seconds == 12)
        #expect(log.annotationCount == 4)
        guard case .adoption(let a)? = log.annotations["t-1"]?[1].annotation else {
            Issue.record("not an adoption"); return
        }
        #expect(a.rationaleText == "Cut the \"intro\".")
    }

    @Test func validateNamesEveryBadLineByFileLineAndKey() throws {
        let report = try AnnotationLogReader.validate(Self.bad, tickets: Self.tickets, articles: Self.articles)
        #expect(report.entries == 7)
        #expect(
            report.problems.map(\.description) == [
                "\(Self.bad):2: field \"sconds\": unknown key; expected one of kind, ticket, agent, time, article, rank, relevant, seconds, persona",
                "\(Self.bad):3: field \"time\": expected an ISO-8601 UTC time like 2026-01-05T09:30:00Z, found \"yesterday\"",
                "\(Self.bad):4: field \"choice\": unknown value \"c\"; expected one of a, b, tie, both_bad",
                "\(Self.bad):5: field \"ticket\": unknown ticket \"t-9\" (not in the corpus)",
                "\(Self.bad):6: field \"shown[1]\": unknown article \"a-7\" (not in the corpus)",
                "\(Self.bad):7: field \"kind\": unknown kind \"thumbs\"; expected one of exposure, preference, adoption, relevance, missing_knowledge"
            ])
    }

    @Test func readStopsAtTheFirstBadLine() throws {
        let error = try #require(throws: InputError.self) {
            try AnnotationLogReader.read(Self.bad, tickets: Self.tickets, articles: Self.articles)
        }
        #expect(error.line == 2)
        #expect(error.field == "sconds")
    }

    @Test func twoDifferentExposuresOfOneTicketAreRefused() throws {
        var log = AnnotationLog(source: "x.jsonl")
        let t = Timestamp(secondsSinceEpoch: 0)
        try log.add(.exposure(Exposure(ticket: "t-1", time: t, shown: ["a-1"], a: nil, b: nil, textA: "x", textB: "y")))
        try log.add(.exposure(Exposure(ticket: "t-1", time: t, shown: ["a-1"], a: nil, b: nil, textA: "x", textB: "y")))
        let error = try #require(throws: InputError.self) {
            try log.add(.exposure(Exposure(ticket: "t-1", time: t, shown: ["a-2"], a: nil, b: nil)), line: 9)
        }
        #expect(error.line == 9)
        #expect(error.message.contains("--arm and --replicate"))
    }

    @Test func aCSVExportImportsWithAFieldMapping() throws {
        var importer = AnnotationImporter(input: Repo.fixture("annotations/marks.csv"))
        importer.constants["kind"] = "relevance"
        for (key, field) in [
            "ticket": "case_id", "agent": "who", "time": "when", "article": "kb_id", "rank": "position",
            "relevant": "helpful"
        ] {
            importer.mapping[key] = FieldPath(field)
        }
        importer.corpusIDs = (Self.tickets, Self.articles)
        let entries = try importer.entries()
        #expect(
            entries.map(\.jsonLine) == [
                #"{"kind":"relevance","ticket":"t-1","agent":"ag-1","time":"2026-01-05T09:00:00Z","article":"a-1","rank":1,"relevant":true}"#,
                #"{"kind":"relevance","ticket":"t-1","agent":"ag-1","time":"2026-01-05T09:00:00Z","article":"a-2","rank":2,"relevant":false}"#,
                #"{"kind":"relevance","ticket":"t-2","agent":"ag-2","time":"2026-01-06T10:00:00Z","article":"a-1","rank":1,"relevant":true}"#
            ])
    }

    @Test func aBadCSVRecordIsNamedByInputLineAndInputField() throws {
        let path = Repo.fixture("annotations/bad-marks.csv")
        var importer = AnnotationImporter(input: path)
        importer.constants["kind"] = "relevance"
        for (key, field) in [
            "ticket": "case_id", "agent": "who", "time": "when", "article": "kb_id", "rank": "position",
            "relevant": "helpful"
        ] {
            importer.mapping[key] = FieldPath(field)
        }
        let error = try #require(throws: InputError.self) { try importer.entries() }
        #expect(
            error.description == "\(path):3: field \"rank (input field position)\": expected a number, found a string")
    }

    @Test func anUnknownMappedKeyIsRefusedBeforeReading() throws {
        var importer = AnnotationImporter(input: "/nonexistent.csv")
        importer.mapping["tikcet"] = FieldPath("id")
        let error = try #require(throws: InputError.self) { try importer.entries() }
        #expect(error.field == "tikcet")
        #expect(error.message.hasPrefix("not a log key; expected one of kind, ticket, time, shown"))
    }
}
