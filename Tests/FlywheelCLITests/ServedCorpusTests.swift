import FlywheelCore
import Foundation
import Store
import Testing
import WorldTruth

/// `run` refuses a corpus that `corpus validate` refuses, with the same file:line:field, exit 2
/// and one line, before it writes any result: duplicate ids, unknown articles, negative grades.
@Suite struct ServedCorpusTests {
    /// Runs the tiny scenario over a corpus broken by `edit`; returns (status, stderr, out folder).
    func runOver(_ label: String, edit: (inout [Article], inout [TicketRecord]) -> Void) throws -> (
        Int32, String, String, ReliabilityFixture
    ) {
        let f = try ReliabilityFixture(label)
        let corpus = try f.corpus("bad", edit: edit)
        let out = f.directory + "/out"
        let run = try CLIFixture.run(["run", try f.scenario(corpus: corpus), "--quiet", "--out", out])
        return (run.0, run.2, out, f)
    }

    /// The line `corpus validate` prints first for the same corpus, without its `error: ` prefix.
    func validateLine(_ f: ReliabilityFixture) throws -> String {
        let v = try CLIFixture.run(["corpus", "validate", f.directory + "/bad"])
        #expect(v.0 == 2)
        return String(try #require(ReliabilityFixture.lines(v.2).first).dropFirst("error: ".count))
    }

    func expectRefused(_ r: (Int32, String, String, ReliabilityFixture), _ expected: String) throws {
        defer { r.3.cleanUp() }
        #expect(r.0 == 2, "\(r.1)")
        let lines = ReliabilityFixture.lines(r.1)
        #expect(lines.count == 1, "\(r.1)")
        let line = try #require(lines.first)
        #expect(line.contains(expected), "\(line)")
        // The same place and words as `corpus validate`, plus where to see the rest.
        #expect(line.hasPrefix("error: " + (try validateLine(r.3)) + " (flywheel corpus validate "), "\(line)")
        // Nothing was started, so nothing can read "running" or "complete".
        #expect(!FileManager.default.fileExists(atPath: r.2 + "/run.sqlite"))
    }

    @Test func aDuplicateArticleIDIsRefusedNotACrash() throws {
        var id: ArticleID = ""
        let r = try runOver("served-dup-article") { articles, _ in
            id = articles[5].id
            var copy = articles[5]
            copy.title = "A second article with the id of another"
            articles.insert(copy, at: 9)
        }
        try expectRefused(r, "articles.jsonl.zst:10: field \"id\": duplicate article id \"\(id)\" (first on line 6)")
    }

    @Test func aDuplicateTicketIDIsRefused() throws {
        let r = try runOver("served-dup-ticket") { _, tickets in
            tickets[41].ticket.id = tickets[40].ticket.id
        }
        try expectRefused(r, "tickets.jsonl.zst:42: field \"id\": duplicate ticket id")
    }

    @Test func anUnknownArticleReferenceIsRefused() throws {
        let r = try runOver("served-unknown-article") { _, tickets in
            tickets[7].truth.relevant["no-such-article"] = 2
        }
        try expectRefused(
            r, "tickets.jsonl.zst:8: field \"relevant.no-such-article\": unknown article \"no-such-article\"")
    }

    @Test func aNegativeGradeIsRefused() throws {
        let r = try runOver("served-negative-grade") { _, tickets in
            let article = tickets[3].truth.relevant.keys.sorted()[0]
            tickets[3].truth.relevant[article] = -1
        }
        try expectRefused(r, "tickets.jsonl.zst:4: field \"relevant.")
        #expect(r.1.contains("grade -1 is negative"))
    }

    @Test func aSweepChecksEachCorpusBeforeAnyCellStarts() throws {
        let f = try ReliabilityFixture("served-sweep")
        defer { f.cleanUp() }
        let corpus = try f.corpus("bad") { _, tickets in tickets[41].ticket.id = tickets[40].ticket.id }
        _ = try f.scenario("base", corpus: corpus)
        let sweep = f.directory + "/sweep.yaml"
        try "name: s\nbase: base.yaml\nparameters:\n  arms.aitl.cadence: [3d, 7d]\n".write(
            toFile: sweep, atomically: true, encoding: .utf8)
        let r = try CLIFixture.run(["sweep", sweep, "--out", f.directory + "/out"])
        #expect(r.0 == 2)
        #expect(
            ReliabilityFixture.lines(r.2) == [
                "error: \(try validateLine(f)) (flywheel corpus validate \(corpus) lists every problem)"
            ])
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/out/sweep.sqlite"))
    }
}
