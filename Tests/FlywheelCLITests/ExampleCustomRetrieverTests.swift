import Foundation
import Testing
import FlywheelTestSupport

/// `Examples/CustomRetriever` (a first stage of the user's own behind `CustomStages`) builds with
/// the package and runs its scenario on corpora/ci-small: both arms print their first and last
/// evaluation, and the last differs from the first for the learning arm's downstream stages or
/// equals it for `frozen`.
@Suite struct ExampleCustomRetrieverTests {
    @Test func theExampleRunsItsScenarioFromAnyFolder() throws {
        let binary = try #require(
            BuiltExecutable.path("custom-retriever-example"), "swift test builds custom-retriever-example")
        // The example's scenario with one replicate (half the time) in a folder of its own, its
        // relative paths made absolute.
        let fixture = try CLIFixture("custom-retriever")
        defer { fixture.cleanUp() }
        let example = Repository.rootPath + "/Examples/CustomRetriever/"
        let text = try String(contentsOfFile: example + "scenario.yaml", encoding: .utf8)
            .replacingOccurrences(of: "replicates: 2", with: "replicates: 1")
            .replacingOccurrences(of: ": ../../", with: ": \(Repository.rootPath)/")
        let scenario = fixture.directory + "/scenario.yaml"
        try text.write(toFile: scenario, atomically: true, encoding: .utf8)
        let (status, o, e) = try ProcessRunner.run(binary, [scenario], in: fixture.directory)
        #expect(status == 0, "\(e)")
        let rows = o.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 4, "2 arms × first and last evaluation:\n\(o)")
        #expect(Set(rows.map { $0[0] }) == ["aitl", "frozen"])
        for row in rows {
            #expect(row.count == 6)
            for value in row.dropFirst(2) {
                let x = try #require(Double(value), "\(row)")
                #expect(x >= 0 && x <= 1, "a metric outside [0, 1]: \(row)")
            }
        }
        let frozen = rows.filter { $0[0] == "frozen" }
        #expect(frozen.count == 2 && frozen[0][2] == frozen[1][2], "frozen's first stage never changes: \(frozen)")
    }
}
