import Engine
import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel run` as a library function: load, run every job (skipping finished ones on
/// resume), then write `metrics.csv`, `summary.json` and return the summary.
struct RunPipeline {
    var scenarioPath: String
    var out: String?
    var replicates: Int?
    var jobs: Int
    var resume: Bool
    var force: Bool
    var quiet: Bool
    /// Write `report.html` at the end (`flywheel run --no-report` turns it off).
    var report = true
    /// When set, run this scenario instead of loading `scenarioPath` (which still names the run).
    var scenario: Scenario? = nil
    /// `--llm-cache`, `--llm-cache-file` (default: `llm-cache.jsonl.zst` in the results folder)
    /// and `--llm-base-url`, for scenarios with an `openai` generator or judge.
    var llm = LLMRunOptions()

    struct Outcome {
        var directory: String
        var summary: RunSummary
        var jobsRun: Int
    }

    /// The run's name: the scenario file's name without its extension.
    var name: String {
        let file = URL(fileURLWithPath: scenarioPath).lastPathComponent
        return file.hasSuffix(".yaml")
            ? String(file.dropLast(5)) : (file.hasSuffix(".yml") ? String(file.dropLast(4)) : file)
    }

    func run() throws -> Outcome {
        var scenario = try (self.scenario ?? ScenarioLoader.load(path: scenarioPath)).runIdentity
        if let replicates {
            guard (1...1000).contains(replicates) else {
                throw InputError(field: "--replicates", "\(replicates) is out of range; allowed: 1…1000")
            }
            scenario.replicates = replicates
        }
        // Relative paths in the scenario resolve against its file's folder (ScenarioPaths).
        let root = ScenarioPaths.folder(ofFile: scenarioPath)
        let key = try RunKey(scenario, root: root, file: scenarioPath)
        let directory = out ?? "results/\(name)"
        // A missing API key or an unreachable LLM endpoint fails before any result is touched.
        let service = try ScenarioAssembly.llmService(for: scenario, options: llm.options(directory: directory))
        try makeDirectory(directory, what: "results folder")
        // One writer per results folder, before anything in it is read or changed.
        let lock = try ResultsLock(directory: directory, command: commandLine)
        defer { lock.release() }

        let database = directory + "/run.sqlite"
        if FileManager.default.fileExists(atPath: database) {
            if force {
                for file in [
                    "run.sqlite", "run.sqlite-wal", "run.sqlite-shm", "metrics.csv", "summary.json", "report.html",
                    "llm-usage.json"
                ] {
                    try? FileManager.default.removeItem(atPath: directory + "/" + file)
                }
            } else if !resume {
                throw InputError(
                    file: database, "results already exist; pass --resume to continue them or --force to start over")
            } else {
                try RunReuse.check(database: database, name: name, key: key)
            }
        }

        let engine = try ScenarioAssembly.engine(for: scenario, root: root, llm: service)
        let store = try ResultsStore(path: database)
        defer { store.finishWriting() }
        let runID = try store.beginRun(
            name: name, scenarioJSON: scenario.resolvingPaths(against: root).canonicalJSON(),
            scenarioHash: scenario.resolvedHash,
            seed: scenario.seed, version: FlywheelVersion.current, key: key.value, keyParts: key.partsJSON)
        // A job marked complete is trusted only when it holds every iteration; others re-run.
        let audit = try store.auditJobs(run: runID)
        let finished = audit.complete
        let todo = engine.jobs.filter { !finished.contains($0) }
        func expected(_ job: JobKey) -> Int {
            engine.iterations(of: engine.config.arms.first { $0.name == job.arm }!) + 1
        }
        for job in todo { try store.resetJob(run: runID, job: job, iterations: expected(job)) }

        let total = todo.reduce(0) { $0 + expected($1) }
        let progress = Progress(total: total, unit: "iterations", label: name, quiet: quiet)
        for (job, problem) in audit.damaged.sorted(by: { $0.key < $1.key }) {
            progress.note("job \(job) was marked complete but \(problem); re-running it")
        }
        if !finished.isEmpty {
            progress.note("resuming: \(finished.count) of \(engine.jobs.count) jobs already complete")
        }
        do {
            // Progress counts a write only once it is committed: a run killed after it reports N
            // has at least N iterations stored (the fault tests kill on that line).
            try engine.run(jobs: todo, parallelism: jobs) { record in
                try store.write(record, run: runID)
                progress.advance()
            }
        } catch {
            try? service?.save()  // what was fetched stays recorded
            throw error
        }
        progress.finish()
        if let service { try llm.finish(service, directory: directory, progress: progress) }
        // Recorded only once every job's last iteration is committed (checked, not assumed).
        try store.finishRun(runID, expecting: engine.jobs)

        let rows = try store.metricRows(run: runID)
        let summary = RunSummary(
            run: name, scenarioHash: scenario.resolvedHash, baseline: scenario.baseline, rows: rows)
        try writeAtomically(MetricsCSV.render(run: name, rows: rows), to: directory + "/metrics.csv")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(
            String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n", to: directory + "/summary.json")
        if report {
            try writeAtomically(
                HTMLReport.render(try ReportLoader.input(directory: directory)), to: directory + "/report.html")
        }
        return Outcome(directory: directory, summary: summary, jobsRun: todo.count)
    }
}

/// This process' command line as the lock file records it: `flywheel run x.yaml --resume`.
var commandLine: String {
    (["flywheel"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
}
