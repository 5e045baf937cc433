import FlywheelCore
import Foundation
import FlywheelTestSupport

@testable import Corpora

/// Hand-made corpus folders for the bad-input tests: lines are written as given (through the
/// project's zstd writer) and the manifest is made to match, so each test breaks exactly one thing.
enum BadCorpus {
    static let goodArticles = [
        #"{"id":"A1","title":"Refunds","body":"Refunds take 5 days."}"#,
        #"{"id":"A2","title":"Payouts","body":"Payouts take 3 days."}"#
    ]
    static let goodTickets = [
        #"{"id":"T1","created_at":"2026-01-05T09:00:00Z","text":"where is my refund","relevant":{"A1":2}}"#,
        #"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"payout late","relevant":{"A2":1}}"#,
        #"{"id":"T3","created_at":"2026-01-05T11:00:00Z","text":"refund?","relevant":{"A1":1,"A2":1}}"#
    ]

    /// Writes a corpus from raw lines (or raw bytes) and a manifest that matches them.
    static func make(
        _ dir: TemporaryFolder, articles: [String] = goodArticles, tickets: [String] = goodTickets,
        ticketBytes: [UInt8]? = nil
    ) throws {
        try writeZstd(articles.map { $0 + "\n" }.joined(), to: dir.file(CorpusFile.articles.fileName))
        if let ticketBytes {
            try writeZstd(bytes: ticketBytes, to: dir.file(CorpusFile.tickets.fileName))
        } else {
            try writeZstd(tickets.map { $0 + "\n" }.joined(), to: dir.file(CorpusFile.tickets.fileName))
        }
        try rehash(
            dir, counts: Manifest.Counts(articles: articles.count, tickets: ticketBytes == nil ? tickets.count : 3))
    }

    /// Rewrites the manifest with the files' current sizes and checksums.
    static func rehash(_ dir: TemporaryFolder, counts: Manifest.Counts) throws {
        var files: [String: Manifest.FileEntry] = [:]
        for f in [CorpusFile.articles, .tickets] {
            let (bytes, sha) = try CorpusReader.fileDigest(path: dir.file(f.fileName))
            files[f.fileName] = Manifest.FileEntry(sha256: sha, bytes: bytes)
        }
        let m = Manifest(
            name: "bad", counts: counts, files: files, source: "tests", license: "CC0-1.0", command: "test")
        try m.encoded().write(to: URL(fileURLWithPath: dir.file(Manifest.fileName)))
    }

    /// Replaces a file's bytes (keeping the manifest consistent with them).
    static func overwrite(_ dir: TemporaryFolder, _ file: CorpusFile, with bytes: [UInt8], counts: Manifest.Counts)
        throws
    {
        try Data(bytes).write(to: URL(fileURLWithPath: dir.file(file.fileName)))
        try rehash(dir, counts: counts)
    }

    /// The validator's first complaint (the tests expect exactly one root cause).
    static func firstIssue(_ dir: TemporaryFolder) throws -> InputError {
        let report = CorpusValidator(directory: dir.path).validate()
        return try requireFirst(report.issues)
    }

    static func requireFirst(_ issues: [InputError]) throws -> InputError {
        guard let first = issues.first else {
            throw InputError("expected the validator to report a problem, it reported none")
        }
        return first
    }
}
