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
            the reason. See docs/checks.md for the exact rule of each assertion kind.

            --baseline RESULTS compares this run with a stored one (main's, in CI): RESULTS/run.sqlite, \
            or RESULTS/NAME/run.sqlite per scenario. Replicate r is paired with the stored replicate \
            r (the seeds must match). For each arm both runs have and each headline metric (or \
            --baseline-metric), the gap is this − stored; it fails when the mean gap over the curve \
            or the final gap is below −tolerance × the metric's range (--tolerance, default 0.02). \
            Each comparison is one more PASS/FAIL line, JUnit test case and JSON assertion (kind \
            baseline); a scenario without expect: is run for it.

            A scenario without expect: assertions (and no --baseline) is not run: it gets a note, or with --strict \
            fails. --junit FILE is written in every case, invalid input included (an <error> test \
            case with the one-line message). --format json prints one JSON document instead of the \
            lines (exit_status, passed, failed, unchecked, and every assertion with its interval).

            Exit status: 0 every assertion passed, 1 at least one failed (or, with --strict, a \
            scenario had none), 2 invalid input (also results of another run key without --force, \
            a results folder another writer holds, a storage failure), 64 usage.

            Examples:
              flywheel check scenarios/ci/converges.yaml
              flywheel check scenarios/ci/ --junit results/junit.xml --strict --jobs 2
              flywheel check scenarios/ci/converges.yaml --format json > results/check.json
              flywheel check scenarios/ci/ --baseline main-results/ --junit results/junit.xml
            """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "Scenario files or folders of *.yaml.")
    var scenarios: [String]

    @Option(help: "Write JUnit XML here (one testsuite per scenario, one testcase per assertion).")
    var junit: String?

    @Option(help: "Parent folder of the results.")
    var out = "results"

    @Option(
        help: "Cores in all: (arm × replicate) jobs run at once, and a job serves its tickets on the cores left over.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Fail (exit 1) a scenario that has no expect: assertions.")
    var strict = false

    @Option(help: "Output: text (one line per assertion) or json (one JSON document on standard output).")
    var format: Format = .text

    @Option(
        help:
            "Compare each scenario's curves with the stored run in this folder (RESULTS/run.sqlite, or RESULTS/NAME/run.sqlite), paired by seed; fail when this run falls below it beyond --tolerance."
    )
    var baseline: String?

    @Option(help: "With --baseline: the allowed drop, as a share of each metric's range.")
    var tolerance: Double = BaselineCheck.defaultTolerance

    @Option(
        name: .customLong("baseline-metric"),
        help: "With --baseline: a metric to compare (repeatable; default every headline metric both runs have).")
    var baselineMetrics: [String] = []

    @Flag(help: "No progress bars.")
    var quiet = false

    @Flag(
        help:
            "Replace existing results whose run key differs (the scenario, a persona, the corpus or the version changed)."
    )
    var force = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard tolerance >= 0, tolerance.isFinite else { throw ValidationError("--tolerance must be a share ≥ 0") }
        guard baseline != nil || baselineMetrics.isEmpty else {
            throw ValidationError("--baseline-metric needs --baseline")
        }
    }

    func run() throws {
        var check = CheckRun(scenarios: scenarios, out: out, jobs: jobs, quiet: quiet, strict: strict, force: force)
        check.baseline = baseline
        check.comparison = BaselineCheck(tolerance: tolerance, metrics: baselineMetrics.isEmpty ? nil : baselineMetrics)
        var outcome = CheckOutcome()
        var thrown: (any Error)?
        do {
            try check.run(into: &outcome) { line in if format == .text { print(line) } }
        } catch let error as InputError {
            outcome.error = error.commandLines.joined(separator: "\n")
            thrown = error
        } catch {
            // A storage failure (disk full, read-only, permission denied) is one line and exit 2,
            // as `main` maps it; the JUnit file and the JSON document say the same.
            if let storage = StorageFailure.inputError(error) {
                outcome.error = storage.commandLine
                thrown = storage
            } else {
                outcome.error = TerminalText.line("\(error)")
                thrown = error
            }
        }
        // The JUnit file is written whatever happened, so CI always has a report to show.
        if let junit { try writeAtomically(JUnitXML.render(outcome.suites), to: junit) }
        switch format {
        case .json: print(try outcome.json(), terminator: "")
        case .text: if thrown == nil { print(outcome.summaryLine) }
        }
        if let thrown { throw thrown }
        if outcome.exitStatus != ExitStatus.success { throw ExitCode(outcome.exitStatus) }
    }
}
