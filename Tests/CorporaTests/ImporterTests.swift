import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

@testable import Corpora

@Suite struct ImporterTests {
    let options = ImportOptions(name: "mini", source: "fixture", license: "CC0-1.0", command: "test")

    @Test func beirImportKeepsJudgedQueriesAndSynthesisesHourlyTimes() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let m = try BEIRImporter(folder: Repo.fixture("beir-mini")).importCorpus(into: dir.path, options: options)
        #expect(m.counts == Manifest.Counts(articles: 3, tickets: 3))
        let corpus = try CorpusReader(directory: dir.path)
        let articles = try corpus.articles()
        #expect(articles.map(\.id) == ["d1", "d2", "d3"])
        #expect(articles[0].topic == "refunds")  // from metadata.topic
        #expect(articles[1].title == "")
        let tickets = try readAll(corpus.tickets())
        #expect(tickets.map(\.ticket.id) == ["q1", "q2", "q4"])  // q3 has no judgment
        #expect(
            tickets.map(\.ticket.createdAt.iso8601) == [
                "2026-01-05T00:00:00Z", "2026-01-05T01:00:00Z", "2026-01-05T02:00:00Z"
            ])
        #expect(tickets[1].truth.relevant == ["d2": 1, "d1": 0])
        #expect(CorpusValidator(directory: dir.path).validate().isValid)
    }

    @Test func beirSplitSelectsOneQrelsFile() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let m = try BEIRImporter(folder: Repo.fixture("beir-mini"), splits: ["dev"]).importCorpus(
            into: dir.path, options: options)
        #expect(m.counts.tickets == 1)
        let missing = try #require(throws: InputError.self) {
            try BEIRImporter(folder: Repo.fixture("beir-mini"), splits: ["train"]).importCorpus(
                into: dir.path, options: options)
        }
        #expect(missing.file?.hasSuffix("qrels/train.tsv") == true)
    }

    @Test func genericJSONLFollowsTheFieldMapping() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        var m = JSONLImporter.Mapping(
            articles: Repo.fixture("jsonl-mini/kb.jsonl"), tickets: Repo.fixture("jsonl-mini/tickets.jsonl"))
        m.articleID = FieldPath("doc_id")  // numbers become text ids
        m.articleTitle = FieldPath("meta.name")
        m.articleBody = FieldPath("question,answer")
        m.articleTopic = FieldPath("section")
        m.ticketID = FieldPath("key")
        m.ticketText = FieldPath("message")
        m.ticketCreatedAt = FieldPath("when")
        m.ticketRelevant = FieldPath("docs")
        m.ticketNuggets = FieldPath("facts")
        m.ticketReference = FieldPath("reply")
        m.defaultGrade = 2
        let manifest = try JSONLImporter(mapping: m).importCorpus(into: dir.path, options: options)
        #expect(manifest.counts == Manifest.Counts(articles: 2, tickets: 2))
        let corpus = try CorpusReader(directory: dir.path)
        let a = try corpus.articles()
        #expect(
            a[0]
                == Article(
                    id: "7", title: "Refund policy", body: "How long do refunds take?\nFive business days.",
                    topic: "billing"))
        #expect(a[1].topic == nil)
        let t = try readAll(corpus.tickets())
        #expect(t.map(\.ticket.id) == ["t-a", "t-b"])  // sorted by their own times
        #expect(t[0].truth.relevant == ["7": 2, "8": 1])
        #expect(t[0].truth.nuggets == [Nugget(text: "Five business days"), Nugget(text: "Weekly", article: "8")])
        #expect(t[1].truth.relevant == ["8": 2])
        #expect(t[1].truth.referenceResponse == "Mondays!")
    }

    @Test func genericJSONLNamesTheFieldOfAnUnknownArticle() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\"}\n".write(
            toFile: dir.file("a.jsonl"), atomically: true, encoding: .utf8)
        try "{\"id\":\"x\",\"text\":\"hi\",\"relevant\":[\"a\",\"zz\"]}\n".write(
            toFile: dir.file("t.jsonl"), atomically: true, encoding: .utf8)
        let m = JSONLImporter.Mapping(articles: dir.file("a.jsonl"), tickets: dir.file("t.jsonl"))
        let e = try #require(throws: InputError.self) {
            try JSONLImporter(mapping: m).importCorpus(into: dir.file("out"), options: options)
        }
        #expect(e.file == dir.file("t.jsonl"))
        #expect(e.line == 1)
        #expect(e.field == "relevant[1]")
    }

    @Test func trecQrelsListEveryJudgmentInCorpusOrder() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        _ = try BEIRImporter(folder: Repo.fixture("beir-mini")).importCorpus(into: dir.path, options: options)
        var lines: [String] = []
        try TRECQrelsExporter.lines(from: CorpusReader(directory: dir.path)) { lines.append($0) }
        #expect(lines == ["q1 0 d1 2", "q2 0 d1 0", "q2 0 d2 1", "q4 0 d3 1"])
        lines = []
        try TRECQrelsExporter.lines(from: CorpusReader(directory: dir.path), includeZeroGrades: false) {
            lines.append($0)
        }
        #expect(lines.count == 3)
    }

    @Test func statisticsDescribeTheSampleCorpus() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try Sample.write(to: dir.path)
        let s = try CorpusStatistics(corpus: CorpusReader(directory: dir.path))
        #expect((s.articles, s.tickets, s.annotations) == (3, 3, 6))
        #expect(s.relevantPerTicket.histogram == [0, 2, 1, 0, 0])
        #expect(s.ticketWords.min == 2 && s.ticketWords.max == 6)
        #expect(s.firstTicket == Sample.t0 && s.lastTicket == Sample.t0 + .hours(1))
        // T1 → A1 (refunds); T2's best article is A2 (no topic); T3 → A3 (listings).
        #expect(s.topics.map(\.topic) == ["listings", "refunds"])
        #expect(s.topics.map(\.tickets) == [1, 1])
    }
}
