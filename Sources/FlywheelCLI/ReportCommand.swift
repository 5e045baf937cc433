import ArgumentParser
import Corpora
import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel report RESULTS…`: renders report.html (or a Markdown summary) from results folders.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained report.html (or a Markdown summary) for results folders.",
        discussion: """
            A run folder: reads RESULTS/run.sqlite (and the corpus the run used, for example \
            tickets; RESULTS/cadence.json from `flywheel cadence`) and writes RESULTS/report.html: \
            learning curves over weeks with 95% bands per arm and retrain/deploy-gate markers, the \
            deltas table, annotation and agent-minute panels, the knowledge-base gap timeline, \
            cadence curves with bands, example tickets and the resolved scenario (collapsed).

            A sweep folder (OUT/sweep.sqlite, or a merged .sqlite store): heat maps of every \
            headline metric's final value with its 95% CI per arm, and of the difference to the \
            baseline arm, plus the table of cells.

            Several run folders with --out FILE: one comparison page, the runs on shared axes and \
            a difference panel (each run − the first, paired by replicate).

            Inline CSS and SVG only: no JavaScript, no network. Every text from the corpus is \
            HTML-escaped.

            Examples:
              flywheel report results/quickstart
              flywheel report results/quickstart --out /tmp/qs.html
              flywheel report results/quickstart --markdown >> comment.md
              flywheel report results/cadence-participation
              flywheel report results/main/quickstart results/quickstart --out /tmp/compare.html
            """
    )

    @Argument(help: "Results folders: a run's (run.sqlite) or a sweep's (sweep.sqlite).")
    var results: [String]

    @Option(
        help:
            "Output file. With one folder: its report (default RESULTS/report.html); with several run folders: one comparison page."
    )
    var out: String?

    @Flag(help: "Print a Markdown summary for pull-request comments instead of writing HTML.")
    var markdown = false

    func validate() throws {
        guard !results.isEmpty else { throw ValidationError("name at least one results folder") }
        guard !(markdown && out != nil && results.count > 1) else {
            throw ValidationError("--markdown prints one summary per folder; drop --out")
        }
    }

    func run() throws {
        if results.count > 1, let out, !markdown {
            var runs: [(label: String, input: ReportInput)] = []
            for directory in results {
                guard case .run = try ReportSource(directory) else {
                    throw InputError(
                        file: directory, "is a sweep; a comparison draws run folders (report a sweep on its own)")
                }
                runs.append((ReportSource.label(directory), try ReportLoader.input(directory: directory)))
            }
            try writeAtomically(HTMLReport.renderComparison(runs), to: out)
            print("wrote \(out)")
            return
        }
        for directory in results {
            switch try ReportSource(directory) {
            case .run:
                let input = try ReportLoader.input(directory: directory)
                if markdown {
                    print(TerminalText.lines(MarkdownSummary.render(input)))
                } else {
                    let path = out ?? directory + "/report.html"
                    try writeAtomically(HTMLReport.render(input), to: path)
                    print("wrote \(path)")
                }
            case .sweep(let database, let folder):
                let sweep = try SweepResults.load(store: try ResultsStore(path: database))
                if markdown {
                    print("```\n" + TerminalText.lines(SweepCellTable.render(sweep)) + "```")
                } else {
                    let path = out ?? folder + "/report.html"
                    let notes =
                        sweep.complete.count < sweep.cells.count
                        ? [
                            "\(sweep.cells.count - sweep.complete.count) of \(sweep.cells.count) cells are not complete (grey in the heat maps)."
                        ] : []
                    try writeAtomically(HTMLReport.renderSweep(sweep, notes: notes), to: path)
                    print("wrote \(path)")
                }
            }
        }
    }
}
