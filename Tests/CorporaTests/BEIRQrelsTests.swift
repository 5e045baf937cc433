import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

@testable import Corpora

/// BEIR qrels are TSV: columns are split on tabs only, so query and corpus ids containing
/// spaces survive the import.
@Suite struct BEIRQrelsTests {
    let options = ImportOptions(name: "spaces", source: "fixture", license: "CC0-1.0", command: "test")

    @Test func idsContainingSpacesSurviveTheImport() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let m = try BEIRImporter(folder: Repo.fixture("beir-spaces")).importCorpus(into: dir.path, options: options)
        #expect(m.counts == Manifest.Counts(articles: 2, tickets: 2))
        let tickets = try readAll(try CorpusReader(directory: dir.path).tickets())
        #expect(tickets.map(\.ticket.id) == ["query 1", "query 2"])
        #expect(tickets[0].truth.relevant == ["doc one": 2])
        #expect(tickets[1].truth.relevant == ["doc two": 1])
    }

    @Test func aQrelsLineIsSplitOnTabsOnly() {
        #expect(BEIRImporter.qrelsFields("q 1\tdoc a\t1") == ["q 1", "doc a", "1"])
        #expect(BEIRImporter.qrelsFields("q1\td1\t2\r") == ["q1", "d1", "2"])
        #expect(BEIRImporter.qrelsFields("   ") == [])
        // Space-separated columns are one column: the line is reported, not misread.
        #expect(BEIRImporter.qrelsFields("q1 d1 1") == ["q1 d1 1"])
    }

    @Test func aSpaceSeparatedLineIsAnErrorNamingFileAndLine() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let beir = dir.file("beir")
        try FileManager.default.createDirectory(atPath: beir + "/qrels", withIntermediateDirectories: true)
        try "{\"_id\":\"d1\",\"title\":\"t\",\"text\":\"x\"}\n".write(
            toFile: beir + "/corpus.jsonl", atomically: true, encoding: .utf8)
        try "{\"_id\":\"q1\",\"text\":\"y\"}\n".write(
            toFile: beir + "/queries.jsonl", atomically: true, encoding: .utf8)
        try "query-id\tcorpus-id\tscore\nq1 d1 1\n".write(
            toFile: beir + "/qrels/test.tsv", atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) {
            try BEIRImporter(folder: beir).importCorpus(into: dir.file("out"), options: options)
        }
        #expect(error.file?.hasSuffix("qrels/test.tsv") == true)
        #expect(error.line == 2)
        #expect(error.message.contains("tab-separated"))
    }
}
