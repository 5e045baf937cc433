import ArgumentParser
import Foundation
import LLM
import Reports

/// `flywheel run SCENARIO`: runs every arm and replicate of a scenario.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario: every arm × replicate over the corpus' ticket stream.",
        discussion: """
            Writes results/NAME/ (NAME = the scenario file's name): run.sqlite (every iteration's \
            metrics, annotations, model versions and knowledge-base events), metrics.csv (tidy: \
            run, arm, replicate, iteration, metric, value) and summary.json and report.html (unless --no-report), then prints a table per \
            arm: each metric at iteration 0 and at the end, the change, its 95% CI over replicates \
            and the paired difference to the baseline arm.

            Writes are transactional per iteration. An interrupted run is continued with --resume: \
            finished (arm, replicate) jobs are kept and unfinished ones recomputed from their start, \
            giving the same results as an uninterrupted run. metrics.csv and summary.json are only \
            written once every job is complete, and a job counts as complete only when it holds \
            every iteration (one marked complete without them is re-run on --resume).

            Results are reused by --resume only under the same run key: the resolved scenario, \
            its persona files, the corpus' checksums and the flywheel version (`flywheel scenario \
            validate` prints it). Otherwise run exits 2 naming what changed; --force replaces. One \
            writer per results folder: a second run, check or sweep on it exits 2 naming the \
            holder's pid and command. Disk full, read-only and permission errors exit 2 with one \
            line naming the path. See docs/reliability.md.

            A scenario whose generator or judge has `kind: openai` calls an OpenAI-compatible \
            endpoint (docs/llm.md). --llm-cache record keeps every answer in a zstd JSON-lines file \
            (default: llm-cache.jsonl.zst in the results folder) keyed by the SHA-256 of the \
            request; --llm-cache replay answers only from it, offline, with identical metrics, and \
            exits 2 naming the first request it lacks.

            Examples:
              flywheel run scenarios/quickstart.yaml
              flywheel run scenarios/quickstart.yaml --replicates 5 --jobs 2 --out results/qs5
              flywheel run scenarios/quickstart.yaml --resume
            """
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(help: "Results folder (default: results/<scenario name>).")
    var out: String?

    @Option(help: "Override the scenario's number of replicates.")
    var replicates: Int?

    @Option(
        help:
            "Cores in all: (arm × replicate) jobs run at once, and a job serves its tickets on the cores left over; results do not depend on it."
    )
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue an interrupted run in the results folder.")
    var resume = false

    @Flag(help: "Delete existing results in the folder and start over.")
    var force = false

    @Flag(inversion: .prefixedNo, help: "Write report.html at the end (see `flywheel report`).")
    var report = true

    @Flag(help: "No progress and no table.")
    var quiet = false

    @Option(
        help:
            "LLM answers for an openai generator or judge: off (always ask), record (reuse and add to the cache file) or replay (only from it)."
    )
    var llmCache: LLMCacheMode = .off

    @Option(help: "The LLM cache file (default: <results folder>/llm-cache.jsonl.zst).")
    var llmCacheFile: String?

    @Option(help: "Replace the scenario's openai base_url, e.g. http://127.0.0.1:8080/v1.")
    var llmBaseURL: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let replicates, !(1...1000).contains(replicates) {
            throw ValidationError("--replicates must be between 1 and 1000, got \(replicates)")
        }
        guard !(resume && force) else { throw ValidationError("--resume and --force exclude each other") }
    }

    func run() throws {
        let pipeline = RunPipeline(
            scenarioPath: scenario, out: out, replicates: replicates, jobs: jobs, resume: resume, force: force,
            quiet: quiet,
            report: report, llm: LLMRunOptions(cache: llmCache, cacheFile: llmCacheFile, baseURL: llmBaseURL))
        let outcome = try pipeline.run()
        if !quiet {
            print(TerminalText.lines(SummaryTable.render(outcome.summary)))
            print("results: \(outcome.directory)/{run.sqlite,metrics.csv,summary.json\(report ? ",report.html" : "")}")
        }
    }
}

extension LLMCacheMode: ExpressibleByArgument {}
