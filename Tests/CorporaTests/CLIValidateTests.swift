import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// The built `flywheel` binary on a bad corpus: exit status 2 and a message naming file, line, field.
@Suite struct CLIValidateTests {
    @Test(
        .enabled(
            if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`/`swift test`)"
        ))
    func validateExitsWithStatus2AndNamesFileLineAndField() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir, articles: BadCorpus.goodArticles + [#"{"id":"A2","title":"Dup","body":"Again."}"#])
        let (status, _, stderr) = try ProcessRunner.run(BuiltExecutable.flywheel!, ["corpus", "validate", dir.path])
        #expect(status == 2)
        #expect(
            stderr.contains(
                "error: \(dir.file("articles.jsonl.zst")):3: field \"id\": duplicate article id \"A2\" (first on line 2)"
            ))
    }

    /// Every bad input of the issue, through the real binary: status 2, the first message names
    /// file, line (where there is one) and field, and nothing crashes.
    @Test(
        .enabled(
            if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`/`swift test`)"
        ),
        arguments: BadInput.allCases)
    func everyBadInputExitsWithStatus2(_ bad: BadInput) throws {
        let dir = try TemporaryFolder(bad.rawValue)
        defer { dir.cleanUp() }
        try bad.build(in: dir)
        let (status, _, stderr) = try ProcessRunner.run(BuiltExecutable.flywheel!, ["corpus", "validate", dir.path])
        #expect(status == 2)
        let first = stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("error: " + bad.expectedPrefix(in: dir)), "got: \(first)")
        #expect(first.contains(bad.expected.fragment), "got: \(first)")
    }

    @Test(
        .enabled(
            if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary (built by `swift build`/`swift test`)"
        ))
    func validateAcceptsAGoodCorpus() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try Sample.write(to: dir.path)
        let (status, stdout, _) = try ProcessRunner.run(BuiltExecutable.flywheel!, ["corpus", "validate", dir.path])
        #expect(status == 0)
        #expect(stdout.hasPrefix("ok:"))
    }
}
