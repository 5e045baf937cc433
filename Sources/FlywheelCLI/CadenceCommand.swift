import ArgumentParser
import Evaluation
import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel cadence SCENARIO --cadences 3d,1w,2w,4w,13w`: the same ticket stream under each
/// retraining cadence, compared under the scenario's cost model.
struct CadenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadence",
        abstract: "Compare retraining cadences on the same ticket stream and recommend one under the cost model.",
        discussion: """
            Runs the scenario's learning arm (the first arm, sorted by name, that retrains from live \
            agents and is not the baseline; or --arm, which must retrain) once per cadence, all on \
            the same ticket stream with common random numbers, plus a "no loop" row: the same arm \
            never retrained and nobody annotating (no retraining or agent cost). Per row: weeks \
            until the mean of --metric first reaches 90% of the best cadence's final gain, the final \
            value with its 95% CI, retrains, agent minutes, the net value under the scenario's \
            `cost:` model (value per point × 100 × mean gain over the horizon − cost per retrain × \
            retrains − cost per agent minute × minutes) and P(best), the share of 2000 bootstrap \
            resamples of the replicates (fixed seed) in which the row has the highest net value. \
            Without --metric the value term counts every metric cost.value_per_point prices; with \
            --metric only that metric (at its value per point, else the largest one). The highest \
            net value is recommended, with its margin over the runner-up and the paired 95% CI of \
            that margin over replicates. See docs/checks.md.

            Writes OUT (default results/NAME-cadence): run.sqlite, metrics.csv, summary.json, \
            cadence.json and report.html with a cadence panel.

            Examples:
              flywheel cadence scenarios/quickstart.yaml --cadences 3d,1w,2w,4w,13w --horizon 26w
              flywheel cadence scenarios/ci/converges.yaml --cadences 1w,2w,4w --replicates 2 --metric adoption
            """
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(help: "Comma-separated cadences, e.g. 3d,1w,2w,4w,13w.")
    var cadences = "3d,1w,2w,4w,13w"

    @Option(help: "Simulated time to replay (default: the scenario's horizon).")
    var horizon: String?

    @Option(help: "Override the scenario's number of replicates.")
    var replicates: Int?

    @Option(help: "The arm whose cadence varies (default: the first learning arm).")
    var arm: String?

    @Option(
        help: "The metric whose gain defines time-to-90% (default: the most valued metric of cost.value_per_point).")
    var metric: String?

    @Option(help: "Results folder (default: results/<scenario name>-cadence).")
    var out: String?

    @Option(help: "Jobs (cadence × replicate) run at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress bar.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let replicates, !(1...1000).contains(replicates) {
            throw ValidationError("--replicates must be between 1 and 1000, got \(replicates)")
        }
        // A well-formed horizon beyond the longest duration is bad input (exit 2, in `run`), as in a scenario.
        if let horizon, !SimDuration.isTooLong(horizon), (SimDuration(parsing: horizon)?.seconds ?? 0) <= 0 {
            throw ValidationError("--horizon must be a duration like 26w, got '\(horizon)'")
        }
        do {
            _ = try CadenceRun.parse(cadences: cadences)
        } catch let error as InputError {
            throw ValidationError("--cadences: \(error.message)")
        }
    }

    func run() throws {
        let study = try CadenceRun(
            scenarioPath: scenario, cadences: cadences, horizon: horizon, replicates: replicates, arm: arm,
            metric: metric,
            out: out, jobs: jobs, quiet: quiet
        ).run()
        print(TerminalText.lines(study.study.table()))
        print("results: \(TerminalText.line(study.directory))/{cadence.json,report.html}")
    }
}

/// `flywheel cadence` as a library function (the tests call it).
struct CadenceRun {
    var scenarioPath: String
    var cadences: String
    var horizon: String?
    var replicates: Int?
    var arm: String?
    var metric: String?
    var out: String?
    var jobs: Int
    var quiet: Bool

    /// The cadences, parsed and checked.
    func parsedCadences() throws -> [(label: String, duration: SimDuration)] {
        try Self.parse(cadences: cadences)
    }

    /// `3d,1w,2w` as labelled durations of at least 1h, each once.
    static func parse(cadences: String) throws -> [(label: String, duration: SimDuration)] {
        let parts = cadences.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw InputError(field: "--cadences", "name at least one cadence, e.g. 1w,2w,4w") }
        var seen = Set<String>()
        return try parts.map { p in
            guard let d = SimDuration(parsing: p), d.seconds >= 3600 else {
                throw InputError(field: "--cadences", "'\(p)' is not a cadence of at least 1h like 3d, 1w or 13w")
            }
            guard seen.insert(d.description).inserted else {
                throw InputError(field: "--cadences", "'\(p)' is listed twice")
            }
            return (d.description, d)
        }
    }

    func run() throws -> (study: CadenceStudy, directory: String) {
        var scenario = try ScenarioLoader.load(path: scenarioPath)
        let list = try parsedCadences()
        let armName =
            try arm ?? scenario.armNames.first { name in
                let a = scenario.arms[name]!
                return a.retrain && a.labelling == nil && name != scenario.baseline
            }
            ?? {
                throw InputError(
                    file: scenarioPath, field: "arms", "no arm retrains from live agents; name one with --arm")
            }()
        guard let base = scenario.arms[armName] else {
            throw InputError(
                field: "--arm", "'\(armName)' is not an arm; arms: \(scenario.armNames.joined(separator: ", "))")
        }
        guard base.retrain else {
            throw InputError(
                field: "--arm",
                "'\(armName)' does not retrain (retrain: false), so it has no cadence to vary; name an arm that retrains"
            )
        }
        if let horizon {
            guard !SimDuration.isTooLong(horizon) else {
                throw InputError(field: "--horizon", SimDuration.tooLongMessage(horizon))
            }
            guard let h = SimDuration(parsing: horizon), h.seconds > 0 else {
                throw InputError(field: "--horizon", "'\(horizon)' is not a duration like 26w")
            }
            scenario.horizon = h
        }
        if let replicates {
            guard (1...1000).contains(replicates) else {
                throw InputError(field: "--replicates", "must be between 1 and 1000, got \(replicates)")
            }
            scenario.replicates = replicates
        }
        guard let metric = self.metric ?? Self.mostValued(scenario.cost.valuePerPoint) else {
            throw InputError(
                file: scenarioPath, field: "cost.value_per_point", "values no metric; name one with --metric")
        }
        let known = EngineMetric.names(scenario.system.metricDepths)
        guard known.contains(metric) else {
            throw InputError(
                field: "--metric",
                "'\(metric)' is not a metric the engine writes; metrics: \(known.joined(separator: ", "))")
        }
        let valuePerPoint = Self.valuePerPoint(scenario.cost.valuePerPoint, metric: self.metric)
        var arms: [String: ArmSpec] = [:]
        for c in list {
            var a = base
            a.cadence = c.duration
            arms["cadence-\(c.label)"] = a
        }
        // The manager's alternative: the same arm never retrained, with nobody annotating.
        var noLoop = base
        noLoop.retrain = false
        noLoop.participation = 0
        noLoop.labelling = nil
        arms[Self.noLoopArm] = noLoop
        scenario.arms = arms
        scenario.baseline = nil
        let cost = scenario.cost

        var pipeline = RunPipeline(
            scenarioPath: scenarioPath, out: nil, replicates: nil, jobs: jobs, resume: true, force: false, quiet: quiet,
            report: false, scenario: scenario)
        let directory = out ?? "results/\(pipeline.name)-cadence"
        pipeline.out = directory
        pipeline.force = try CheckRun(scenarios: [], out: "", jobs: 1, quiet: true).needsFreshRun(pipeline, scenario)
        pipeline.resume = !pipeline.force
        let outcome = try pipeline.run()
        let store = try ResultsStore(path: outcome.directory + "/run.sqlite")
        guard let run = try store.runs().last else { throw InputError(file: directory, "no run stored") }
        let study = CadenceStudy.analyse(
            rows: try store.metricRows(run: run.id), arms: list.map { (arm: "cadence-\($0.label)", cadence: $0.label) },
            noLoopArm: Self.noLoopArm, metric: metric,
            weeksPerIteration: Double(base.evaluateEvery.seconds) / Double(SimDuration.weeks(1).seconds),
            perRetrain: cost.perRetrain, perAgentMinute: cost.perAgentMinute, valuePerPoint: valuePerPoint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(
            String(decoding: try encoder.encode(study), as: UTF8.self) + "\n", to: directory + "/cadence.json")
        try writeAtomically(
            HTMLReport.render(try ReportLoader.input(directory: directory)), to: directory + "/report.html")
        return (study, directory)
    }

    /// The arm of the "no loop" row.
    static let noLoopArm = "no-loop"

    /// The metric with the highest value per point (ties: the first by name).
    static func mostValued(_ valued: [String: Double]) -> String? {
        valued.keys.sorted().max { valued[$0]! < valued[$1]! }
    }

    /// The value term of the net value. Without `--metric`: every metric `cost.value_per_point`
    /// prices. With `--metric M`: only M, at its own value per point, or at the largest value per
    /// point of the cost model when it prices M not at all.
    static func valuePerPoint(_ valued: [String: Double], metric: String?) -> [String: Double] {
        guard let metric else { return valued }
        return [metric: valued[metric] ?? valued.values.max() ?? CostModel().valuePerPoint.values.max() ?? 100]
    }
}
