import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// The bad inputs of issue 2, as builders, for the end-to-end CLI test: each makes one corpus
/// with exactly one problem and says where the message must point.
enum BadInput: String, CaseIterable, CustomTestStringConvertible {
    case truncatedZstd, notZstd, invalidUTF8, malformedJSON, missingField, duplicateID, unknownArticle, outOfOrder,
        checksumMismatch

    var testDescription: String { rawValue }

    /// (file name, line, field, a fragment of the message); line is nil where there is none.
    var expected: (file: String, line: Int?, field: String?, fragment: String) {
        switch self {
        case .truncatedZstd: ("tickets.jsonl.zst", 1, nil, "truncated zstd file")
        case .notZstd: ("articles.jsonl.zst", nil, nil, "not a zstd file")
        case .invalidUTF8: ("tickets.jsonl.zst", 2, "text", "invalid UTF-8")
        case .malformedJSON: ("tickets.jsonl.zst", 2, "text", "expected ','")
        case .missingField: ("tickets.jsonl.zst", 3, "created_at", "missing required field")
        case .duplicateID: ("articles.jsonl.zst", 3, "id", "duplicate article id")
        case .unknownArticle: ("tickets.jsonl.zst", 2, "relevant.A9", "unknown article")
        case .outOfOrder: ("tickets.jsonl.zst", 2, "created_at", "out of order")
        case .checksumMismatch: ("tickets.jsonl.zst", nil, "sha256", "checksum mismatch")
        }
    }

    /// The `file:line: field "x": ` prefix the CLI prints (after `error: `).
    func expectedPrefix(in dir: TemporaryFolder) -> String {
        let e = expected
        var s = dir.file(e.file)
        if let line = e.line { s += ":\(line)" }
        s += ": "
        if let field = e.field { s += "field \"\(field)\": " }
        return s
    }

    func build(in dir: TemporaryFolder) throws {
        var tickets = BadCorpus.goodTickets
        switch self {
        case .truncatedZstd:
            try BadCorpus.make(dir)
            let whole = try Array(Data(contentsOf: URL(fileURLWithPath: dir.file("tickets.jsonl.zst"))))
            try BadCorpus.overwrite(
                dir, .tickets, with: Array(whole.dropLast(12)), counts: .init(articles: 2, tickets: 3))
        case .notZstd:
            try BadCorpus.make(dir)
            try BadCorpus.overwrite(
                dir, .articles, with: Array("plain text, not zstd\n".utf8), counts: .init(articles: 2, tickets: 3))
        case .invalidUTF8:
            var bytes = Array((tickets[0] + "\n").utf8)
            bytes += Array(#"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"bad "#.utf8) + [0xC3, 0x28]
            bytes += Array(#"","relevant":{"A2":1}}"#.utf8) + [0x0A] + Array((tickets[2] + "\n").utf8)
            try BadCorpus.make(dir, ticketBytes: bytes)
        case .malformedJSON:
            tickets[1] = #"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"payout late" "relevant":{"A2":1}}"#
            try BadCorpus.make(dir, tickets: tickets)
        case .missingField:
            tickets[2] = #"{"id":"T3","text":"refund?","relevant":{"A1":1}}"#
            try BadCorpus.make(dir, tickets: tickets)
        case .duplicateID:
            try BadCorpus.make(
                dir, articles: BadCorpus.goodArticles + [#"{"id":"A1","title":"Again","body":"Twice."}"#])
        case .unknownArticle:
            tickets[1] = #"{"id":"T2","created_at":"2026-01-05T10:00:00Z","text":"payout late","relevant":{"A9":1}}"#
            try BadCorpus.make(dir, tickets: tickets)
        case .outOfOrder:
            try BadCorpus.make(dir, tickets: [tickets[1], tickets[0], tickets[2]])
        case .checksumMismatch:
            try BadCorpus.make(dir)
            var m = try Manifest.read(path: dir.file(Manifest.fileName))
            m.files["tickets.jsonl.zst"]!.sha256 = String(repeating: "0", count: 64)
            try m.encoded().write(to: URL(fileURLWithPath: dir.file(Manifest.fileName)))
        }
    }
}
