import ArgumentParser
import Corpora
import FlywheelCore
import Foundation
import Scenarios
import Store

/// What `flywheel export` writes.
enum ExportWhat: String, CaseIterable, ExpressibleByArgument {
    /// One job's annotation log (docs/annotations.md), replayable by a `feedback: logged` arm.
    case annotations
    /// Training data built from that log (``TrainingFormat``).
    case dpo, sft, qrels, triples

    var training: TrainingFormat? { TrainingFormat(rawValue: rawValue) }
}

/// `flywheel export RESULTS --what annotations --out FILE`: data out of a results store.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run's annotation log (replies A/B included), or training data built from it.",
        discussion: """
            --what annotations writes one job's agent feedback as an annotation log \
            (docs/annotations.md): each annotated ticket's exposure (shown articles, replies A \
            and B with their sentences' provenance), then its annotations with agent, time and \
            agent-seconds, in the order they were given. An arm with `feedback: logged` and \
            `log: FILE` replays it. A log holds one job: --arm is needed when the run has \
            several arms that logged feedback; --replicate defaults to 0.

            Training data from the same log, with the corpus' texts (--corpus, default the \
            run's): dpo (preference pairs {prompt, chosen, rejected}), sft (adopted replies as \
            chat records {messages}), qrels (relevance marks as TREC qrels, majority of marks per \
            pair), triples ({query, positive, negative} from each ticket's marks). --persona and \
            --agent keep only those agents' annotations. JSON Schemas: docs/schemas/. An --out \
            name ending in .zst is written zstd-compressed (as every reader of a .zst file expects).

            Examples:
              flywheel export results/ci --what annotations --arm aitl --out logs/aitl.jsonl
              flywheel export results/ci --what dpo --arm aitl --persona careful-expert --out train/dpo.jsonl
            """
    )

    @Argument(help: "The results folder (holding run.sqlite).")
    var results: String
    @Option(help: "What to export: \(ExportWhat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var what: ExportWhat
    @Option(help: "The file to write (zstd-compressed when its name ends in .zst).")
    var out: String
    @Option(help: "The arm whose feedback to export (needed when several arms logged feedback).")
    var arm: String?
    @Option(help: "The replicate whose feedback to export.")
    var replicate = 0
    @Option(help: "Training data: keep only annotations by agents of this persona (repeatable).")
    var persona: [String] = []
    @Option(help: "Training data: keep only annotations by this agent id (repeatable).")
    var agent: [String] = []
    @Option(help: "Training data: the corpus folder for ticket and article texts (default: the run's).")
    var corpus: String?

    func run() throws {
        let database = results + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: database) else {
            throw InputError(file: database, "no results store here (run `flywheel run` first)")
        }
        let store = try ResultsStore(path: database)
        guard let run = try store.runs().last else {
            throw InputError(file: database, "the results store holds no run")
        }
        let jobs = try store.loggedJobs(run: run.id)
        let arms = Array(Set(jobs.map(\.arm))).sorted()
        guard !arms.isEmpty else {
            throw InputError(
                file: database, "run '\(run.name)' logged no feedback (runs before schema 3, and sweeps, keep no log)")
        }
        let chosen: String
        if let arm {
            guard arms.contains(arm) else {
                throw InputError(
                    field: "--arm",
                    "no feedback logged by arm '\(arm)'; arms with a log: \(arms.joined(separator: ", "))")
            }
            chosen = arm
        } else {
            guard arms.count == 1 else {
                throw InputError(
                    field: "--arm", "the run has several arms with a log; name one of \(arms.joined(separator: ", "))")
            }
            chosen = arms[0]
        }
        let job = JobKey(arm: chosen, replicate: replicate)
        guard jobs.contains(job) else {
            let replicates = jobs.filter { $0.arm == chosen }.map { String($0.replicate) }.joined(separator: ", ")
            throw InputError(
                field: "--replicate", "arm '\(chosen)' has no log for replicate \(replicate); replicates: \(replicates)"
            )
        }
        let (text, lines) = try store.annotationLog(run: run.id, job: job)
        guard let format = what.training else {
            try writeOutput(text, to: out)
            print("wrote \(lines) lines (\(job)) to \(out)")
            return
        }
        let records = try TrainingExportLoader.lines(
            format, log: text, store: database,
            corpus: corpus ?? ScenarioLoader.decode(run.scenarioJSON, file: database).corpus,
            filter: TrainingDataFilter(personas: Set(persona), agents: Set(agent.map { AgentID($0) })))
        try writeOutput(records.map { $0 + "\n" }.joined(), to: out)
        print("wrote \(records.count) \(format.rawValue) records (\(job)) to \(out)")
    }
}
