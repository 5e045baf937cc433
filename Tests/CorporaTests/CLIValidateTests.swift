import FlywheelCore
import Foundation
import Testing

@testable import Corpora

/// The built `flywheel` binary on a bad corpus: exit status 2 and a message naming file, line, field.
@Suite struct CLIValidateTests {
    @Test(.enabled(if: Repo.flywheelBinary != nil, "needs the debug flywheel binary (built by `swift build`/`swift test`)"))
    func validateExitsWithStatus2AndNamesFileLineAndField() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        try BadCorpus.make(dir, articles: BadCorpus.goodArticles + [#"{"id":"A2","title":"Dup","body":"Again."}"#])
        let (status, _, stderr) = try run(Repo.flywheelBinary!, ["corpus", "validate", dir.path])
        #expect(status == 2)
        #expect(stderr.contains("error: \(dir.file("articles.jsonl.zst")):3: field \"id\": duplicate article id \"A2\" (first on line 2)"))
    }

    @Test(.enabled(if: Repo.flywheelBinary != nil, "needs the debug flywheel binary (built by `swift build`/`swift test`)"))
    func validateAcceptsAGoodCorpus() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        try Sample.write(to: dir.path)
        let (status, stdout, _) = try run(Repo.flywheelBinary!, ["corpus", "validate", dir.path])
        #expect(status == 0)
        #expect(stdout.hasPrefix("ok:"))
    }
}
