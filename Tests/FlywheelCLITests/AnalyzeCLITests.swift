import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel analyze --file` through the built binary: plain and zstd JSONL, and bad input.
@Suite struct AnalyzeCLITests {
    @Test(.enabled(if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`)"))
    func analyzeFileReadsZstdJSONLAndNamesTheLineOfBadInput() throws {
        let articles = CLIFixture.corpus + "/articles.jsonl.zst"
        let zstd = try CLIFixture.run(["analyze", "--file", articles, "--field", "title"])
        #expect(zstd.0 == 0)
        let lines = zstd.1.split(separator: "\n")
        #expect(lines.count == 150, "one output line per article of the fixture corpus")
        #expect(lines.allSatisfy { $0.contains("\t") }, "id, a tab, the terms")

        let fixture = try CLIFixture("analyze")
        defer { fixture.cleanUp() }
        let plain = fixture.directory + "/lines.jsonl"
        try "{\"id\":\"a\",\"text\":\"Refunds aren't working\"}\n\n[1]\n".write(
            toFile: plain, atomically: true, encoding: .utf8)
        let bad = try CLIFixture.run(["analyze", "--file", plain, "--field", "text"])
        #expect(bad.0 == 2)
        #expect(bad.1 == "a\trefund work\n", "lines before the bad one are printed")
        #expect(bad.2.contains("\(plain):3"), "the error names file and line: \(bad.2)")
    }
}
