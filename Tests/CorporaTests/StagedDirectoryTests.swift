import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// Corpus imports and generation write into a temporary sibling folder renamed into place at
/// the end: a failure leaves an existing corpus byte-identical and no `*.partial` file or
/// staging folder anywhere; a success replaces it whole, keeping unrelated files.
@Suite struct StagedDirectoryTests {
    let options = ImportOptions(name: "mini", source: "fixture", license: "CC0-1.0", command: "test")

    /// Every path under `root`, relative, sorted.
    static func listing(_ root: String) -> [String] {
        (FileManager.default.subpaths(atPath: root) ?? []).sorted()
    }

    static func contents(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return out
    }

    @Test func aFailedImportLeavesTheExistingCorpusIntactAndNoPartialFiles() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let out = dir.file("corpus")
        try StagedDirectory.write(to: out) { try Sample.write(to: $0) }
        let before = try Self.contents(out)
        let listingBefore = Self.listing(dir.path)

        // The importer fails on its last file (qrels naming an unknown article), after the
        // articles were already streamed out.
        let beir = dir.file("bad-beir")
        try FileManager.default.createDirectory(atPath: beir + "/qrels", withIntermediateDirectories: true)
        try "{\"_id\":\"d1\",\"title\":\"t\",\"text\":\"x\"}\n".write(
            toFile: beir + "/corpus.jsonl", atomically: true, encoding: .utf8)
        try "{\"_id\":\"q1\",\"text\":\"y\"}\n".write(
            toFile: beir + "/queries.jsonl", atomically: true, encoding: .utf8)
        try "q1\tnope\t1\n".write(toFile: beir + "/qrels/test.tsv", atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) {
            try StagedDirectory.write(to: out) {
                try BEIRImporter(folder: beir).importCorpus(into: $0, options: options)
            }
        }
        #expect(error.message.contains("unknown article"))

        #expect(try Self.contents(out) == before)
        #expect(Self.listing(dir.path).filter { !$0.hasPrefix("bad-beir") } == listingBefore)
        #expect(!Self.listing(dir.path).contains { $0.hasSuffix(".partial") || $0.contains(".staging-") })
        #expect(try CorpusReader(directory: out).articles().map(\.id) == Sample.articles.map(\.id))
    }

    @Test func errorsNameTheTargetFolderNotTheStagingFolder() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let out = dir.file("corpus")
        let error = try #require(throws: InputError.self) {
            try StagedDirectory.write(to: out) { staging -> Void in
                throw InputError(file: staging + "/tickets.jsonl.zst", line: 3, "out of order")
            }
        }
        #expect(error.file == out + "/tickets.jsonl.zst")
        #expect(!FileManager.default.fileExists(atPath: out))
        let partial = try #require(throws: InputError.self) {
            try StagedDirectory.write(to: out) { staging -> Void in
                throw InputError(file: staging + "/articles.jsonl.zst.partial", "write failed: No space left on device")
            }
        }
        #expect(partial.description == out + "/articles.jsonl.zst: write failed: No space left on device")
        #expect(Self.listing(dir.path).isEmpty)
    }

    @Test func aSuccessfulWriteReplacesTheCorpusWholeAndKeepsUnrelatedFiles() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let out = dir.file("corpus")
        try StagedDirectory.write(to: out) { try Sample.write(to: $0, annotations: true) }
        try "notes".write(toFile: out + "/README", atomically: true, encoding: .utf8)

        // The new corpus has no annotations file: the old one must not survive the swap.
        let manifest = try StagedDirectory.write(to: out) { try Sample.write(to: $0, annotations: false) }
        #expect(manifest.counts.annotations == nil)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: out)) == [
                "README", "articles.jsonl.zst", "manifest.json", "tickets.jsonl.zst"
            ])
        #expect(CorpusValidator(directory: out).validate().isValid)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["corpus"])
    }

    @Test func aStagingFolderLeftByAKilledWriterIsRemovedByTheNextWrite() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        // pid 2^22 + 1 is above Linux's pid_max limit, so no process has it.
        let stale = dir.file(".corpus.staging-4194305")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try "x".write(toFile: stale + "/tickets.jsonl.zst.partial", atomically: true, encoding: .utf8)
        try StagedDirectory.write(to: dir.file("corpus")) { try Sample.write(to: $0) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["corpus"])
    }

    @Test func aSymlinkedCorpusFolderIsReplacedWhereItReallyIs() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let real = dir.file("real")
        try StagedDirectory.write(to: real) { try Sample.write(to: $0, annotations: true) }
        try "notes".write(toFile: real + "/README", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: real)

        try StagedDirectory.write(to: dir.file("link")) { try Sample.write(to: $0, annotations: false) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.file("link")) == real)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: real)) == [
                "README", "articles.jsonl.zst", "manifest.json", "tickets.jsonl.zst"
            ])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["real", "link"])
    }
}
