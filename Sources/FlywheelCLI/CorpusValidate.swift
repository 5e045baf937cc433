import ArgumentParser
import Corpora
import FlywheelCore

/// `flywheel corpus validate DIR`: every check of ``CorpusValidator``; exit status 2 on problems.
struct CorpusValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a corpus folder: manifest, checksums, zstd, JSON, ids, references, time order.",
        discussion: """
            Reads every file of the corpus and lists each problem with its file, line and field, \
            then exits with status 2. A valid corpus prints one summary line and exits 0.

            Example:
              flywheel corpus validate corpora/marketplace
            """
    )

    @Argument(help: "The corpus folder (holding manifest.json).")
    var directory: String

    @Option(help: "List at most this many problems.")
    var maxIssues = 50

    func run() async throws {
        var validator = CorpusValidator(directory: directory)
        validator.maxIssues = maxIssues
        let report = validator.validate()
        if report.isValid {
            let c = report.counts
            print(
                "ok: \(directory): \(c.articles) articles, \(c.tickets) tickets\(c.annotations.map { ", \($0) annotations" } ?? ""); checksums, ids, references and time order are valid"
            )
            return
        }
        var err = StandardError()
        for issue in report.issues { print("error: \(issue)", to: &err) }
        let more = report.truncated ? " (stopped after \(report.issues.count))" : ""
        print("\(directory): \(report.issues.count) problem\(report.issues.count == 1 ? "" : "s")\(more)", to: &err)
        throw ExitCode(2)
    }
}
