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

    struct Outcome {
        var directory: String
        var summary: RunSummary
        var jobsRun: Int
    }

    /// The run's name: the scenario file's name without its extension.
    var name: String {
        let file = URL(fileURLWithPath: scenarioPath).lastPathComponent
        return file.hasSuffix(".yaml") ? String(file.dropLast(5)) : (file.hasSuffix(".yml") ? String(file.dropLast(4)) : file)
    }

    func run() throws -> Outcome {
        var scenario = try self.scenario ?? ScenarioLoader.load(path: scenarioPath)
        // `expect:` and `cost:` do not change what is run, so they are not part of its identity:
        // editing an assertion reuses finished results.
        scenario.expect = []
        scenario.cost = CostModel()
        if let replicates {
            guard (1...1000).contains(replicates) else {
                throw InputError(field: "--replicates", "\(replicates) is out of range; allowed: 1…1000")
            }
            scenario.replicates = replicates
        }
        let directory = out ?? "results/\(name)"
        let fm = FileManager.default
        let database = directory + "/run.sqlite"
        if fm.fileExists(atPath: database) {
            if force {
                for file in ["run.sqlite", "run.sqlite-wal", "run.sqlite-shm", "metrics.csv", "summary.json", "report.html"] {
                    try? fm.removeItem(atPath: directory + "/" + file)
                }
            } else if !resume {
                throw InputError(
                    file: database, "results already exist; pass --resume to continue them or --force to start over")
            }
        }
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)

        let engine = try ScenarioAssembly.engine(for: scenario)
        let store = try ResultsStore(path: database)
        let runID = try store.beginRun(
            name: name, scenarioJSON: scenario.canonicalJSON(), scenarioHash: scenario.resolvedHash,
            seed: scenario.seed, version: FlywheelVersion.current)
        let finished = try store.completedJobs(run: runID)
        let todo = engine.jobs.filter { !finished.contains($0) }
        for job in todo { try store.resetJob(run: runID, job: job) }

        let total = todo.reduce(0) { sum, job in
            sum + engine.iterations(of: engine.config.arms.first { $0.name == job.arm }!) + 1
        }
        let progress = Progress(total: total, unit: "iterations", label: name, quiet: quiet)
        if !finished.isEmpty {
            progress.note("resuming: \(finished.count) of \(engine.jobs.count) jobs already complete")
        }
        let crashAfter = ProcessInfo.processInfo.environment["FLYWHEEL_TEST_CRASH_AFTER"].flatMap(Int.init)
        try engine.run(jobs: todo, parallelism: jobs) { record in
            try store.write(record, run: runID)
            let written = progress.advance()
            if let crashAfter, written >= crashAfter { _exit(3) }  // testing hook: an abrupt kill
        }
        progress.finish()
        try store.finishRun(runID)

        let rows = try store.metricRows(run: runID)
        let summary = RunSummary(run: name, scenarioHash: scenario.resolvedHash, baseline: scenario.baseline, rows: rows)
        try writeAtomically(MetricsCSV.render(run: name, rows: rows), to: directory + "/metrics.csv")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n", to: directory + "/summary.json")
        if report { try writeAtomically(HTMLReport.render(try ReportLoader.input(directory: directory)), to: directory + "/report.html") }
        return Outcome(directory: directory, summary: summary, jobsRun: todo.count)
    }
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`, so a reader
/// never sees a half-written file.
func writeAtomically(_ text: String, to path: String) throws {
    let temporary = path + ".partial"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
        throw InputError(file: temporary, "cannot write the file")
    }
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    try FileManager.default.moveItem(atPath: temporary, toPath: path)
}
