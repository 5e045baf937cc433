import ArgumentParser
import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel check SCENARIO…`: runs scenarios (or reuses their complete results) and evaluates
/// their `expect:` assertions for CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run scenarios and evaluate their expect: assertions (exit 0 pass, 1 fail, 2 bad input).",
        discussion: """
            Each SCENARIO is a YAML file or a folder of them. A scenario is run into OUT/NAME \
            (default results/NAME), or its results there are reused (and finished if interrupted) \
            when their run key matches: the same resolved scenario (expect: and cost: are not part \
            of it), persona files, corpus and flywheel version. Results of another key are never \
            replaced silently: check exits 2 naming what changed, unless --force. Each assertion prints \
            one line: PASS or FAIL, the measured value with its 95% interval over replicates, and \
            the reason. See docs/notes/checks.md for the exact rule of each assertion kind.

            Exit status: 0 every assertion passed, 1 at least one failed, 2 invalid input.

            Examples:
              flywheel check scenarios/ci/converges.yaml
              flywheel check scenarios/ci/ --junit results/junit.xml --jobs 2
            """
    )

    @Argument(help: "Scenario files or folders of *.yaml.")
    var scenarios: [String]

    @Option(help: "Write JUnit XML here (one testsuite per scenario, one testcase per assertion).")
    var junit: String?

    @Option(help: "Parent folder of the results.")
    var out = "results"

    @Option(help: "Jobs (arm × replicate) run at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress bars.")
    var quiet = false

    @Flag(help: "Replace existing results whose run key differs (the scenario, a persona, the corpus or the version changed).")
    var force = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let outcome = try CheckRun(scenarios: scenarios, out: out, jobs: jobs, quiet: quiet, force: force).run { print($0) }
        if let junit { try writeAtomically(JUnitXML.render(outcome.suites), to: junit) }
        let failed = outcome.results.filter { !$0.passed }.count
        print("\(outcome.results.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// `flywheel check` as a library function (the tests call it).
struct CheckRun {
    var scenarios: [String]
    var out: String
    var jobs: Int
    var quiet: Bool
    /// Replace results of another run key instead of refusing (exit 2).
    var force = false

    struct Outcome {
        var results: [ExpectationResult]
        var suites: [JUnitXML.Suite]
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
        let files = try files()
        // Validate every scenario before running any: bad input exits 2 without wasting a run.
        let loaded = try files.map { ($0, try ScenarioLoader.load(path: $0)) }
        var all: [ExpectationResult] = []
        var suites: [JUnitXML.Suite] = []
        for (file, scenario) in loaded {
            let started = Date()
            var pipeline = RunPipeline(scenarioPath: file, out: nil, replicates: nil, jobs: jobs, resume: true, force: false, quiet: quiet)
            pipeline.out = out + "/" + pipeline.name
            // Reuse (or finish) results only on an exact run-key match; refuse otherwise.
            pipeline.force = force
            pipeline.resume = !force
            let outcome = try pipeline.run()
            let store = try ResultsStore(path: outcome.directory + "/run.sqlite")
            guard let run = try store.runs().last else { throw InputError(file: outcome.directory, "no run stored") }
            let series = ReplicateSeries(rows: try store.metricRows(run: run.id))
            say("\(file): \(outcome.jobsRun == 0 ? "reused" : "ran") \(outcome.directory)")
            if scenario.expect.isEmpty { say("  (no expect: assertions)") }
            let results = scenario.expect.map { $0.evaluate(series: series, baseline: scenario.baseline) }
            for r in results { say("  \(r.passed ? "PASS" : "FAIL")  \(r.name): \(r.reason)") }
            all += results
            suites.append(JUnitXML.Suite(
                name: pipeline.name,
                cases: results.map { JUnitXML.Case(name: $0.name, failure: $0.passed ? nil : $0.reason, output: $0.reason) },
                time: Date().timeIntervalSince(started)))
        }
        return Outcome(results: all, suites: suites)
    }

    /// Whether the results folder holds results that cannot be reused for `scenario` (another
    /// run, or another run key). `flywheel cadence` redoes such results from scratch.
    func needsFreshRun(_ pipeline: RunPipeline, _ scenario: Scenario) throws -> Bool {
        let database = (pipeline.out ?? "") + "/run.sqlite"
        guard FileManager.default.fileExists(atPath: database) else { return false }
        let key = try RunKey(scenario)
        let stored = try ResultsStore(path: database).runs()
        return stored.isEmpty || stored.contains { $0.name != pipeline.name || RunReuse.mismatch($0, key: key) != nil }
    }
}
