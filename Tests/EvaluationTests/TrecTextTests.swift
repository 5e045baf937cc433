import Evaluation
import FlywheelCore
import Testing

@Suite struct TrecTextTests {
    @Test func qrelsParseBlanksTabsAndSkipEmptyLines() throws {
        let qrels = try Qrels(trecText: "t1 0 a 2\n\nt1\t0\tb 0\r\nt2 Q0 c 1\n")
        #expect(qrels.judgments == ["t1": ["a": 2, "b": 0], "t2": ["c": 1]])
    }

    @Test func qrelsErrorsNameTheFileAndLine() {
        #expect(
            throws: InputError(file: "q.txt", line: 2, "expected 4 fields \"ticket iteration article grade\", found 3")
        ) {
            try Qrels(trecText: "t1 0 a 1\nt1 0 b\n", file: "q.txt")
        }
        #expect(throws: InputError(file: "q.txt", line: 1, field: "grade", "\"high\" is not an integer")) {
            try Qrels(trecText: "t1 0 a high\n", file: "q.txt")
        }
        #expect(throws: InputError(file: "q.txt", line: 3, field: "article", "\"a\" is judged twice for ticket \"t1\""))
        {
            try Qrels(trecText: "t1 0 a 1\nt2 0 a 1\nt1 0 a 0\n", file: "q.txt")
        }
    }

    @Test func runIgnoresTheRankColumnAndOrdersByScore() throws {
        let run = try Run(trecText: "t1 Q0 a 1 0.5 bm25\nt1 Q0 b 2 2.5 bm25\n")
        #expect(run.ranking(for: "t1")?.articles == ["b", "a"])
        #expect(run.tag == "bm25")
    }

    @Test func runErrorsNameTheFileAndLine() {
        #expect(
            throws: InputError(
                file: "r.txt", line: 2, "expected 6 fields \"ticket Q0 article rank score tag\", found 5")
        ) {
            try Run(trecText: "t1 Q0 a 1 0.5 x\nt1 Q0 b 2 0.4\n", file: "r.txt")
        }
        #expect(throws: InputError(file: "r.txt", line: 1, field: "score", "\"nan\" is not a finite number")) {
            try Run(trecText: "t1 Q0 a 1 nan x\n", file: "r.txt")
        }
        #expect(throws: InputError(file: "r.txt", line: 2, field: "article", "\"a\" is listed twice for ticket \"t1\""))
        {
            try Run(trecText: "t1 Q0 a 1 0.5 x\nt1 Q0 a 2 0.4 x\n", file: "r.txt")
        }
    }

    @Test func runTextWritesTrecOrderWithRanksAndExactScores() throws {
        let run = Run(
            [
                RankedList(
                    ticket: "t1",
                    entries: [
                        .init(article: "a", score: 0.1), .init(article: "b", score: 1e-5),
                        .init(article: "c", score: 0.1)
                    ])
            ], tag: "sys")
        let text = try run.trecText()
        #expect(text == "t1 Q0 c 1 0.1 sys\nt1 Q0 a 2 0.1 sys\nt1 Q0 b 3 1e-05 sys\n")
        #expect(try Run(trecText: text) == run)
    }

    @Test func idsWithWhitespaceCannotBeWritten() {
        let run = Run([RankedList(ticket: "t 1", entries: [.init(article: "a", score: 1)])])
        #expect(throws: InputError.self) { try run.trecText() }
        #expect(throws: InputError.self) { try Qrels(["t": ["a b": 1]]).trecText() }
    }

    @Test func missingFilesAreInputErrorsNamingThePath() {
        #expect(throws: InputError.self) { try Run(contentsOfTRECFile: "/nonexistent/run.txt") }
        do {
            _ = try Qrels(contentsOfTRECFile: "/nonexistent/qrels.txt")
        } catch let error as InputError {
            #expect(error.file == "/nonexistent/qrels.txt")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
