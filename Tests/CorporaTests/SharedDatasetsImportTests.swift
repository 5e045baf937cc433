import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

@testable import Corpora

/// Both shared datasets convert (scripts/*.py), import through the generic JSONL path and pass
/// validation. Skipped when `$FLYWHEEL_DATASETS` is absent (e.g. a fresh clone elsewhere) or
/// python3 is not installed: they are development data, never copied into the repository.
@Suite struct SharedDatasetsImportTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static func available(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: Repository.sharedDataset(name).path) && python != nil
    }

    func convert(_ script: String, _ dataset: String, into dir: TemporaryFolder) throws {
        let (status, _, stderr) = try ProcessRunner.run(
            Self.python!, [Repository.path("scripts/" + script), Repository.sharedDataset(dataset).path, dir.path])
        #expect(status == 0, "\(script) failed: \(stderr)")
    }

    @Test(
        .enabled(
            if: available("tau2-banking-knowledge"), "$FLYWHEEL_DATASETS/tau2-banking-knowledge or python3 is absent"))
    func tau2BankingImportsAndValidates() throws {
        let dir = try TemporaryFolder("tau2")
        defer { dir.cleanUp() }
        try convert("convert_tau2_banking.py", "tau2-banking-knowledge", into: dir)
        var m = JSONLImporter.Mapping(articles: dir.file("articles.jsonl"), tickets: dir.file("tickets.jsonl"))
        m.articleBody = FieldPath("content")
        m.ticketRelevant = FieldPath("required_documents")
        let options = ImportOptions(
            name: "tau2-banking", source: "tau2-bench banking_knowledge", license: "MIT", command: "test")
        let manifest = try JSONLImporter(mapping: m).importCorpus(into: dir.file("corpus"), options: options)
        #expect(manifest.counts == Manifest.Counts(articles: 698, tickets: 97))  // SOURCE.md counts
        let report = CorpusValidator(directory: dir.file("corpus")).validate()
        #expect(report.issues == [])
        let tickets = try readAll(CorpusReader(directory: dir.file("corpus")).tickets())
        #expect(tickets.reduce(0) { $0 + $1.truth.relevant.count } == 959)  // task→article links
        #expect(tickets.allSatisfy { !$0.ticket.text.contains("playing the role") })
    }

    @Test(.enabled(if: available("dstc11-track5-val"), "$FLYWHEEL_DATASETS/dstc11-track5-val or python3 is absent"))
    func dstc11ValidationImportsAndValidates() throws {
        let dir = try TemporaryFolder("dstc")
        defer { dir.cleanUp() }
        try convert("convert_dstc11_track5.py", "dstc11-track5-val", into: dir)
        var m = JSONLImporter.Mapping(articles: dir.file("articles.jsonl"), tickets: dir.file("tickets.jsonl"))
        m.ticketNuggets = FieldPath("nuggets")
        m.ticketReference = FieldPath("reference_response")
        let options = ImportOptions(
            name: "dstc11", source: "DSTC11 track 5 val", license: "CDLA-Sharing-1.0", command: "test")
        let manifest = try JSONLImporter(mapping: m).importCorpus(into: dir.file("corpus"), options: options)
        // 2,869 FAQs + 1,430 reviews; 2,129 knowledge-seeking turns (SOURCE.md).
        #expect(manifest.counts == Manifest.Counts(articles: 4299, tickets: 2129))
        let report = CorpusValidator(directory: dir.file("corpus")).validate()
        #expect(report.issues == [])
        var stream = try CorpusReader(directory: dir.file("corpus")).tickets()
        let first = try #require(try stream.next())
        #expect(first.truth.referenceResponse != nil)
        #expect(!first.truth.nuggets.isEmpty)
    }
}
