import Foundation
import Testing
import FlywheelTestSupport

/// `flywheel annotations import` and `validate` (docs/annotations.md): exit 0 with a summary,
/// or exit 2 with one line per problem naming the file, line and field, and nothing written.
@Suite(.serialized) struct AnnotationsCLITests {
    static let fixtures = Repository.rootPath + "/Tests/CorporaTests/Fixtures/annotations"
    static let mapping = [
        "--set", "kind=relevance", "--map", "ticket=case_id", "--map", "agent=who", "--map", "time=when",
        "--map", "article=kb_id", "--map", "rank=position", "--map", "relevant=helpful"
    ]

    @Test func aCSVImportsAndTheResultValidates() throws {
        let f = try CLIFixture("annotations-import")
        defer { f.cleanUp() }
        let out = f.directory + "/marks.jsonl"
        let imported = try CLIFixture.run(
            ["annotations", "import", "--input", Self.fixtures + "/marks.csv", "--out", out] + Self.mapping)
        #expect(imported.0 == 0, "\(imported.2)")
        #expect(imported.1 == "imported 3 annotations and 0 exposures into \(out)\n")
        let valid = try CLIFixture.run(["annotations", "validate", out])
        #expect(valid.0 == 0, "\(valid.2)")
        #expect(valid.1 == "ok: \(out): 3 lines (3 relevance)\n")
    }

    @Test func aBadRecordExitsTwoNamingInputLineAndFieldAndWritesNothing() throws {
        let f = try CLIFixture("annotations-bad")
        defer { f.cleanUp() }
        let input = Self.fixtures + "/bad-marks.csv"
        let out = f.directory + "/marks.jsonl"
        let result = try CLIFixture.run(["annotations", "import", "--input", input, "--out", out] + Self.mapping)
        #expect(result.0 == 2)
        #expect(
            result.2 == "error: \(input):3: field \"rank (input field position)\": expected a number, found a string\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func validateListsEveryProblemAndExitsTwo() throws {
        let bad = Self.fixtures + "/bad.jsonl"
        let result = try CLIFixture.run(["annotations", "validate", bad])
        #expect(result.0 == 2)
        let lines = result.2.split(separator: "\n")
        // Without --corpus, references are not checked: lines 2, 3, 4 and 7 are bad.
        #expect(lines.count == 5, "\(result.2)")
        #expect(
            lines.first
                == "error: \(bad):2: field \"sconds\": unknown key; expected one of kind, ticket, agent, time, article, rank, relevant, seconds, persona"
        )
        #expect(lines.last == "\(bad): 4 problems")
    }
}
