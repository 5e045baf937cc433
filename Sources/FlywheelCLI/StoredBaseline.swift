import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// The stored run `flywheel check --baseline RESULTS` compares a scenario with: RESULTS/run.sqlite
/// when RESULTS is a run folder (one scenario checked), else RESULTS/NAME/run.sqlite (the layout
/// `check --out RESULTS` writes, so main's whole results tree can be the baseline).
struct StoredBaseline {
    var directory: String
    var store: ResultsStore
    var run: ResultsStore.RunInfo

    init(baseline: String, name: String, scenarios: Int, output: String) throws {
        let files = FileManager.default
        if files.fileExists(atPath: baseline + "/run.sqlite") {
            guard scenarios == 1 else {
                throw InputError(
                    file: baseline,
                    "--baseline names one run folder but \(scenarios) scenarios are checked; give the folder holding one results folder per scenario"
                )
            }
            directory = baseline
        } else if files.fileExists(atPath: baseline + "/" + name + "/run.sqlite") {
            directory = baseline + "/" + name
        } else {
            throw InputError(
                file: baseline,
                "--baseline: no stored run for \(name) (neither \(baseline)/run.sqlite nor \(baseline)/\(name)/run.sqlite)"
            )
        }
        let here = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let there = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        guard here != there else {
            throw InputError(
                file: directory,
                "--baseline is this check's own results folder (--out); point it at the stored run, e.g. main's results"
            )
        }
        store = try ResultsStore(path: directory + "/run.sqlite")
        guard let last = try store.runs().last, last.status == "complete" else {
            throw InputError(file: directory + "/run.sqlite", "--baseline: the stored run is missing or not complete")
        }
        run = last
    }

    /// The verdicts of `scenario`'s run (`rows`) against the stored run. Pairing is by seed: a
    /// stored run with another seed is refused (exit 2), since its replicates saw other tickets.
    func compare(scenario: Scenario, rows: [MetricRow], check: BaselineCheck) throws -> [BaselineCheck.Verdict] {
        let stored = try ScenarioLoader.decode(run.scenarioJSON, file: directory + "/run.sqlite")
        guard stored.seed == scenario.seed else {
            throw InputError(
                file: directory,
                "--baseline: the stored run has seed \(stored.seed), this scenario \(scenario.seed); runs are paired by seed"
            )
        }
        return try check.compare(stored: try store.metricRows(run: run.id), current: rows, storedName: directory)
    }
}
