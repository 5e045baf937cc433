import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel check` as a library function (the tests call it): validates every scenario, then
/// runs each one that has assertions (or reuses its complete results) and evaluates them.
struct CheckRun {
    var scenarios: [String]
    var out: String
    var jobs: Int
    var quiet: Bool
    /// A scenario without `expect:` assertions fails instead of getting a note.
    var strict = false
    /// Replace results of another run key instead of refusing (exit 2).
    var force = false
    /// `--baseline RESULTS`: compare each scenario's curves with the stored run there.
    var baseline: String?
    /// `--tolerance` and `--baseline-metric` of the comparison.
    var comparison = BaselineCheck()

    typealias Outcome = CheckOutcome

    /// The run name of a scenario file, as `flywheel run` names it (the file name without `.yaml`).
    static func runName(_ file: String) -> String {
        RunPipeline(scenarioPath: file, out: nil, replicates: nil, jobs: 1, resume: false, force: false, quiet: true)
            .name
    }

    /// Scenario files named by `scenarios`: files as given, folders expanded to their sorted
    /// `*.yaml`/`*.yml` files.
    func files() throws -> [String] {
        var files: [String] = []
        for path in scenarios {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, "no such scenario file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                files += names.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    func run(print say: (String) -> Void) throws -> Outcome {
        var outcome = Outcome()
        try run(into: &outcome, print: say)
        return outcome
    }

    /// Runs the check, recording every finished scenario in `outcome` as it goes, so that a
    /// caller still has them (and `outcome.failingFile`) when an error is thrown.
    func run(into outcome: inout Outcome, print say: (String) -> Void) throws {
        outcome.strict = strict
        let files = try files()
        // Validate every scenario before running any: bad input exits 2 without wasting a run.
        var loaded: [(String, Scenario)] = []
        for file in files {
            outcome.failingFile = file
            loaded.append((file, try ScenarioLoader.load(path: file)))
        }
        for (file, scenario) in loaded {
            outcome.failingFile = file
            let shown = TerminalText.line(file)
            guard !scenario.expect.isEmpty || baseline != nil else {
                say("\(shown): no expect: assertions")
                say(Outcome.uncheckedNote(strict: strict))
                outcome.scenarios.append(.init(file: file, name: Self.runName(file), results: []))
                continue
            }
            let started = Date()
            var pipeline = RunPipeline(
                scenarioPath: file, out: nil, replicates: nil, jobs: jobs, resume: true, force: false, quiet: quiet)
            pipeline.out = out + "/" + pipeline.name
            // The stored run is found (and checked to be another folder) before anything runs.
            let reference = try baseline.map {
                try StoredBaseline(baseline: $0, name: pipeline.name, scenarios: loaded.count, output: pipeline.out!)
            }
            // Reuse (or finish) results only on an exact run-key match; refuse otherwise.
            pipeline.force = force
            pipeline.resume = !force
            let run = try pipeline.run()
            let store = try ResultsStore(path: run.directory + "/run.sqlite")
            guard let stored = try store.runs().last else { throw InputError(file: run.directory, "no run stored") }
            let rows = try store.metricRows(run: stored.id)
            let series = ReplicateSeries(rows: rows)
            say("\(shown): \(run.jobsRun == 0 ? "reused" : "ran") \(TerminalText.line(run.directory))")
            let results = scenario.expect.map { $0.evaluate(series: series, baseline: scenario.baseline) }
            for r in results {
                say("  \(r.passed ? "PASS" : "FAIL")  \(TerminalText.line(r.name)): \(TerminalText.line(r.reason))")
            }
            var verdicts: [BaselineCheck.Verdict] = []
            if let reference { verdicts = try reference.compare(scenario: scenario, rows: rows, check: comparison) }
            for v in verdicts {
                say("  \(v.passed ? "PASS" : "FAIL")  \(TerminalText.line(v.name)): \(TerminalText.line(v.reason))")
            }
            outcome.scenarios.append(
                .init(
                    file: file, name: pipeline.name, directory: run.directory, reused: run.jobsRun == 0,
                    results: results,
                    baseline: verdicts, seconds: Date().timeIntervalSince(started)))
        }
        outcome.failingFile = nil
    }

    /// Whether the results folder holds results that cannot be reused for `scenario` (another
    /// run, or another run key). `flywheel cadence` redoes such results from scratch.
    func needsFreshRun(_ pipeline: RunPipeline, _ scenario: Scenario) throws -> Bool {
        let database = (pipeline.out ?? "") + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: database) else { return false }
        let key = try RunKey(
            scenario, root: ScenarioPaths.folder(ofFile: pipeline.scenarioPath), file: pipeline.scenarioPath)
        let stored = try ResultsStore(path: database).runs()
        return stored.isEmpty || stored.contains { $0.name != pipeline.name || RunReuse.mismatch($0, key: key) != nil }
    }
}
