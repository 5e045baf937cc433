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

    @Option(help: "Output file. With one folder: its report (default RESULTS/report.html); with several run folders: one comparison page.")
    var out: String?

    @Flag(help: "Print a Markdown summary for pull-request comments instead of writing HTML.")
    var markdown = false

    func validate() throws {
        guard !results.isEmpty else { throw ValidationError("name at least one results folder") }
        guard !(markdown && out != nil && results.count > 1) else { throw ValidationError("--markdown prints one summary per folder; drop --out") }
    }

    func run() throws {
        if results.count > 1, let out, !markdown {
            var runs: [(label: String, input: ReportInput)] = []
            for directory in results {
                guard case .run = try ReportSource(directory) else {
                    throw InputError(file: directory, "is a sweep; a comparison draws run folders (report a sweep on its own)")
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
                    let notes = sweep.complete.count < sweep.cells.count
                        ? ["\(sweep.cells.count - sweep.complete.count) of \(sweep.cells.count) cells are not complete (grey in the heat maps)."] : []
                    try writeAtomically(HTMLReport.renderSweep(sweep, notes: notes), to: path)
                    print("wrote \(path)")
                }
            }
        }
    }
}

/// Reads what a report needs from a results folder.
enum ReportLoader {
    static func input(directory: String, examples exampleCount: Int = 4) throws -> ReportInput {
        let database = directory + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: database) else {
            throw InputError(file: database, "no results store here (run `flywheel run` first)")
        }
        let store = try ResultsStore(path: database)
        guard let run = try store.runs().last else { throw InputError(file: database, "the results store holds no run") }
        let rows = try store.metricRows(run: run.id)
        var notes: [String] = []
        if run.status != "complete" { notes.append("This run is not complete; curves show the iterations stored so far.") }
        let scenario = try? ScenarioLoader.decode(run.scenarioJSON, file: database)
        let kb = try store.kbEvents(run: run.id).map {
            ReportInput.KBEvent(arm: $0.arm, replicate: $0.replicate, iteration: $0.iteration, time: $0.time, article: $0.article, event: $0.event, flags: $0.flags)
        }

        // Example tickets: the most-annotated tickets of the first learning arm, replicate 0, iteration 1.
        var examples: [ReportInput.Example] = []
        let arms = Set(rows.map(\.arm)).sorted()
        let learning = arms.first { $0 != scenario?.baseline && scenario?.arms[$0]?.retrain != false } ?? arms.first
        if let arm = learning {
            let annotations = try store.annotations(run: run.id, arm: arm, replicate: 0, iteration: 1, tickets: exampleCount)
            let wanted = Set(annotations.map(\.ticket))
            if !wanted.isEmpty, let corpus = scenario?.corpus {
                do {
                    let reader = try CorpusReader(directory: corpus, verifyChecksums: false)
                    var texts: [String: String] = [:]
                    var stream = try reader.tickets()
                    while texts.count < wanted.count, let record = try stream.next() {
                        if wanted.contains(record.ticket.id.rawValue) { texts[record.ticket.id.rawValue] = record.ticket.text }
                    }
                    let titles = Dictionary(try reader.articles().map { ($0.id.rawValue, $0.title) }, uniquingKeysWith: { a, _ in a })
                    for ticket in wanted.sorted() {
                        let mine = annotations.filter { $0.ticket == ticket }
                        examples.append(ReportInput.Example(
                            arm: arm, iteration: 1, ticket: ticket, text: texts[ticket] ?? "(ticket not found in \(corpus))",
                            annotations: mine.map { .init(kind: $0.kind, agent: $0.agent, article: $0.article, label: $0.label, detail: $0.detail) },
                            articleTitles: titles.filter { id, _ in mine.contains { $0.article == id } }))
                    }
                } catch {
                    notes.append("Example tickets unavailable: cannot read the corpus at \(corpus) (\(error)).")
                }
            }
        }

        var cadence: CadenceStudy?
        if let data = FileManager.default.contents(atPath: directory + "/cadence.json") {
            cadence = try? JSONDecoder().decode(CadenceStudy.self, from: data)
            if cadence == nil { notes.append("cadence.json is present but unreadable; the cadence panel is omitted.") }
        }
        let iterations = try store.iterationRows(run: run.id).map {
            ReportInput.IterationMark(arm: $0.arm, replicate: $0.replicate, iteration: $0.iteration, time: $0.time, retrained: $0.retrained, deployed: $0.deployed)
        }
        return ReportInput(
            run: run.name, scenarioHash: run.scenarioHash, baseline: scenario?.baseline, rows: rows, kbEvents: kb,
            iterations: iterations, examples: examples, cadence: cadence, scenarioJSON: run.scenarioJSON, notes: notes)
    }
}
