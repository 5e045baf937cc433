import Corpora
import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store
import World
import WorldTruth

/// Reads what a report needs from a results folder.
enum ReportLoader {
    static func input(directory: String, examples exampleCount: Int = 4) throws -> ReportInput {
        let database = directory + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: database) else {
            throw InputError(file: database, "no results store here (run `flywheel run` first)")
        }
        let store = try ResultsStore(path: database)
        guard let run = try store.runs().last else {
            throw InputError(file: database, "the results store holds no run")
        }
        let rows = try store.metricRows(run: run.id)
        var notes: [String] = []
        if run.status != "complete" {
            notes.append("This run is not complete; curves show the iterations stored so far.")
        }
        let scenario = try? ScenarioLoader.decode(run.scenarioJSON, file: database)
        let kb = try store.kbEvents(run: run.id)

        // Example tickets: the most-annotated tickets of the first learning arm, replicate 0, iteration 1.
        let arms = Set(rows.map(\.arm)).sorted()
        let learning = arms.first { $0 != scenario?.baseline && scenario?.arms[$0]?.retrain != false } ?? arms.first
        let annotations =
            try learning.map {
                try store.annotations(run: run.id, arm: $0, replicate: 0, iteration: 1, tickets: exampleCount)
            } ?? []
        let wanted = Set(annotations.map(\.annotation.ticket))

        // The corpus gives the examples' texts and, for a run stored before its per-persona counts
        // were (schema 4), the truth a re-read of its logs judges against.
        var corpus: ReportCorpus?
        let logged = try store.loggedJobs(run: run.id)
        let stored = try store.storesPersonaActivity(run: run.id)
        let rereading = !stored && !logged.isEmpty
        if let path = scenario?.corpus, !wanted.isEmpty || rereading {
            do {
                corpus = try ReportCorpus(directory: path, texts: wanted, truths: rereading)
            } catch {
                notes.append(
                    "Example tickets and agreement with the truth unavailable: cannot read the corpus at \(path) (\(error))."
                )
            }
        }
        if rereading {
            notes.append(
                "This store predates the per-persona counts kept as the run goes (results schema 4): the per-persona panels were recounted from its annotation logs."
            )
        }
        // Without a readable scenario there is no corpus either, so nothing is judged.
        let judge = scenario.map { ScenarioAssembly.judge(for: $0) } ?? Judge()
        let personas = try personaTallies(
            store: store, run: run.id, jobs: logged, stored: stored, truths: corpus?.truths ?? [:], judge: judge,
            collects: { arm, kind in scenario?.arms[arm]?.collects(kind) ?? true })
        let exampleJob = learning.map { JobKey(arm: $0, replicate: 0) }
        let replies =
            try exampleJob.flatMap { logged.contains($0) ? $0 : nil }.map {
                try exampleReplies(store: store, run: run.id, job: $0, tickets: wanted)
            } ?? [:]

        var examples: [ReportInput.Example] = []
        if let arm = learning, let corpus {
            for ticket in wanted.sorted() {
                let mine = annotations.map(\.annotation).filter { $0.ticket == ticket }
                let shown = replies[ticket]
                examples.append(
                    ReportInput.Example(
                        arm: arm, iteration: 1, ticket: ticket,
                        text: corpus.texts[ticket] ?? "(ticket not found in \(corpus.directory))",
                        annotations: mine.map {
                            .init(
                                kind: $0.kind.rawValue, agent: $0.agent, article: $0.article, label: $0.label.rawValue,
                                detail: $0.detail)
                        },
                        articleTitles: corpus.titles.filter { id, _ in mine.contains { $0.article == id } },
                        replyA: shown?.a, replyB: shown?.b))
            }
        }

        var cadence: CadenceStudy?
        if let data = FileManager.default.contents(atPath: directory + "/cadence.json") {
            cadence = try? JSONDecoder().decode(CadenceStudy.self, from: data)
            if cadence == nil { notes.append("cadence.json is present but unreadable; the cadence panel is omitted.") }
        }
        let iterations = try store.iterationRows(run: run.id).map {
            ReportInput.IterationMark(
                arm: $0.arm, replicate: $0.replicate, iteration: $0.iteration, time: $0.time, retrained: $0.retrained,
                deployed: $0.deployed)
        }
        return ReportInput(
            run: run.name, scenarioHash: run.scenarioHash, baseline: scenario?.baseline, rows: rows, kbEvents: kb,
            iterations: iterations, examples: examples, personas: personas, cadence: cadence,
            scenarioJSON: run.scenarioJSON, notes: notes)
    }
}

/// What a report reads from the run's corpus: the texts of the example tickets, every ticket's
/// truth (only to recount the per-persona agreement from an old store's logs) and the article titles.
struct ReportCorpus {
    var directory: String
    var texts: [String: String] = [:]
    var truths: [TicketID: TicketTruth] = [:]
    var titles: [String: String]

    init(directory: String, texts wanted: Set<String>, truths keepTruths: Bool) throws {
        self.directory = directory
        let reader = try CorpusReader(directory: directory, verifyChecksums: false)
        var stream = try reader.tickets()
        while let record = try stream.next() {
            if keepTruths { truths[record.ticket.id] = record.truth }
            if wanted.contains(record.ticket.id.rawValue) { texts[record.ticket.id.rawValue] = record.ticket.text }
            if !keepTruths && texts.count == wanted.count { break }
        }
        titles = Dictionary(try reader.articles().map { ($0.id.rawValue, $0.title) }, uniquingKeysWith: { a, _ in a })
    }
}
