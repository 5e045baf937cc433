import ArgumentParser
import Corpora
import FlywheelCore

/// `flywheel annotations validate LOG`: every line checked; problems as `file:line: field …`.
struct AnnotationsValidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an annotation log: JSON, keys, vocabularies, times, and (with --corpus) references.",
        discussion: """
            Lists each problem with its file, line and key, then exits with status 2 (a syntax \
            error stops the scan). A valid log prints one summary line and exits 0.

            Example:
              flywheel annotations validate logs/aitl.jsonl --corpus corpora/ci-small
            """
    )

    @Argument(help: "The annotation log (JSONL, plain or .zst).")
    var log: String
    @Option(help: "A corpus folder whose tickets and articles every line must name.")
    var corpus: String?
    @Option(help: "List at most this many problems.")
    var maxIssues = 50

    func run() async throws {
        var tickets: Set<TicketID>?
        var articles: Set<ArticleID>?
        if let corpus { (tickets, articles) = try CorpusIDs.read(corpus) }
        let report = try AnnotationLogReader.validate(log, tickets: tickets, articles: articles, limit: maxIssues)
        if report.problems.isEmpty {
            let counts = report.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
                separator: ", ")
            print(
                "ok: \(log): \(report.entries) lines (\(counts))\(corpus.map { "; every ticket and article is in \($0)" } ?? "")"
            )
            return
        }
        var err = StandardError()
        for p in report.problems { print("error: \(p)", to: &err) }
        print("\(log): \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")", to: &err)
        throw ExitCode(2)
    }
}
