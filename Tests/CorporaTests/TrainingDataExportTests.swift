import Corpora
import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

/// Training data from an annotation log (docs/annotations.md, "Training data"): each format's
/// records validate against its JSON Schema in docs/schemas/, and hold what the log says.
@Suite struct TrainingDataExportTests {
    /// Two tickets: t-1 shown replies A/B, preferred A, adopted A, two marks; t-2 preferred B by
    /// a rushed agent, B rejected; t-3 marked by two agents who disagree on a-2.
    static let log = """
        {"kind":"exposure","ticket":"t-1","time":"2026-01-05T09:00:00Z","shown":["a-1","a-2"],"reply_a":"Refunds take 5 days.","reply_b":"Please wait."}
        {"kind":"preference","ticket":"t-1","agent":"ag-1","time":"2026-01-05T09:00:00Z","choice":"a","margin":"clearly","persona":"careful-expert"}
        {"kind":"adoption","ticket":"t-1","agent":"ag-1","time":"2026-01-05T09:00:00Z","outcome":"used","persona":"careful-expert"}
        {"kind":"relevance","ticket":"t-1","agent":"ag-1","time":"2026-01-05T09:00:00Z","article":"a-1","rank":1,"relevant":true,"persona":"careful-expert"}
        {"kind":"relevance","ticket":"t-1","agent":"ag-1","time":"2026-01-05T09:00:00Z","article":"a-2","rank":2,"relevant":false,"persona":"careful-expert"}
        {"kind":"exposure","ticket":"t-2","time":"2026-01-05T10:00:00Z","shown":["a-2"],"reply_a":"Ask the host.","reply_b":"Pets cost 20 EUR."}
        {"kind":"preference","ticket":"t-2","agent":"ag-2","time":"2026-01-05T10:00:00Z","choice":"b","persona":"rushed"}
        {"kind":"adoption","ticket":"t-2","agent":"ag-2","time":"2026-01-05T10:00:00Z","outcome":"rejected","persona":"rushed"}
        {"kind":"relevance","ticket":"t-3","agent":"ag-1","time":"2026-01-05T11:00:00Z","article":"a-2","rank":1,"relevant":true}
        {"kind":"relevance","ticket":"t-3","agent":"ag-2","time":"2026-01-05T11:00:00Z","article":"a-2","rank":1,"relevant":false}
        {"kind":"relevance","ticket":"t-3","agent":"ag-3","time":"2026-01-05T11:00:00Z","article":"a-1","rank":2,"relevant":false}
        """

    static func export() throws -> TrainingDataExport {
        let entries = try log.split(separator: "\n").map { line throws(LogFieldError) in
            try AnnotationLogEntry(jsonLine: String(line))
        }
        return TrainingDataExport(
            entries: entries,
            ticketText: ["t-1": "Where is my refund?", "t-2": "Can I bring my dog?", "t-3": "Wifi broken"],
            articles: [
                "a-1": Article(id: "a-1", title: "Refunds", body: "Refunds take 5 days."),
                "a-2": Article(id: "a-2", title: "", body: "Pets cost 20 EUR.")
            ])
    }

    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Repository.url("docs/schemas/\(name).schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: [TrainingFormat.dpo, .sft, .triples])
    func everyRecordValidatesAgainstItsSchema(_ format: TrainingFormat) throws {
        let schema = try Self.schema(format.rawValue)
        let lines = try Self.export().lines(format)
        #expect(!lines.isEmpty)
        for line in lines {
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(MiniJSONSchema.violations(of: value, against: schema) == [], "\(line)")
        }
    }

    @Test func theSchemaCheckerCatchesWhatTheSchemasForbid() throws {
        let schema = try Self.schema("dpo")
        let bad: [String: Any] = ["prompt": "p", "chosen": "", "margin": "hugely", "extra": 1]
        #expect(
            MiniJSONSchema.violations(of: bad, against: schema) == [
                "$: missing rejected", "$.chosen: shorter than 1", "$: unexpected key extra",
                "$.margin: not one of [\"slightly\", \"clearly\", \"much\"]"
            ])
    }

    @Test func dpoPairsFollowTheChoice() throws {
        let lines = try Self.export().lines(.dpo)
        #expect(
            lines == [
                #"{"prompt":"Where is my refund?","chosen":"Refunds take 5 days.","rejected":"Please wait.","ticket":"t-1","agent":"ag-1","margin":"clearly"}"#,
                #"{"prompt":"Can I bring my dog?","chosen":"Pets cost 20 EUR.","rejected":"Ask the host.","ticket":"t-2","agent":"ag-2"}"#
            ])
    }

    @Test func sftKeepsOnlyAdoptedReplies() throws {
        #expect(
            try Self.export().lines(.sft) == [
                #"{"messages":[{"role":"user","content":"Where is my refund?"},{"role":"assistant","content":"Refunds take 5 days."}],"ticket":"t-1","agent":"ag-1","outcome":"used"}"#
            ])
    }

    @Test func qrelsTakeTheMajorityOfMarksWithTiesRelevant() throws {
        #expect(
            try Self.export().lines(.qrels) == [
                "t-1 0 a-1 1", "t-1 0 a-2 0", "t-3 0 a-1 0", "t-3 0 a-2 1"
            ])
    }

    @Test func triplesPairEveryPositiveWithEveryNegative() throws {
        let lines = try Self.export().lines(.triples)
        #expect(
            lines == [
                #"{"query":"Where is my refund?","positive":"Refunds\nRefunds take 5 days.","negative":"Pets cost 20 EUR.","query_id":"t-1","positive_id":"a-1","negative_id":"a-2"}"#,
                #"{"query":"Wifi broken","positive":"Pets cost 20 EUR.","negative":"Refunds\nRefunds take 5 days.","query_id":"t-3","positive_id":"a-2","negative_id":"a-1"}"#
            ])
    }

    @Test func filtersKeepOnlyTheNamedPersonasOrAgents() throws {
        let export = try Self.export()
        let rushed = export.lines(.dpo, filter: TrainingDataFilter(personas: ["rushed"]))
        #expect(rushed.count == 1 && rushed[0].contains(#""agent":"ag-2""#))
        // Lines without a persona are dropped by a persona filter: t-3's marks carry none.
        #expect(
            export.lines(.qrels, filter: TrainingDataFilter(personas: ["careful-expert"])) == [
                "t-1 0 a-1 1", "t-1 0 a-2 0"
            ])
        #expect(
            export.lines(.qrels, filter: TrainingDataFilter(agents: ["ag-2", "ag-3"])) == ["t-3 0 a-1 0", "t-3 0 a-2 0"]
        )
    }
}
