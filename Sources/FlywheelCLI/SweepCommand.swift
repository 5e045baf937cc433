import ArgumentParser
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel sweep SWEEP.yaml`: runs a base scenario over a grid or a random sample of parameters.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a sweep: a base scenario over a grid or seeded random sample of parameters.",
        discussion: """
            Each cell is the base scenario with the cell's values applied, validated strictly and \
            keyed by the hash of the resolved scenario. Cells' (arm × replicate) jobs run on --jobs \
            workers. Results go to one store per process: OUT/sweep.sqlite, or \
            OUT/shard-i-of-n.sqlite for a shard (OUT defaults to results/<sweep name>). A re-run \
            skips finished cells, and an interrupted sweep resumes, recomputing only unfinished jobs. \
            A stored cell is reused only when its run key matches (the same personas, corpus and \
            flywheel version); otherwise the sweep exits 2 naming what changed, unless --force. \
            One process writes a store at a time (a lock file in OUT); a second is refused.

            --shard i/n (0-based) runs the cells whose index ≡ i (mod n). Without --shard, the \
            shard comes from SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) over \
            SLURM_ARRAY_TASK_COUNT, or from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) over \
            --shard-count or FLYWHEEL_SHARD_COUNT. Combine shard stores with `flywheel merge`.

            The whole sweep run in one process also writes OUT/sweep.csv (per cell × arm × \
            headline metric: final value, change and difference to the baseline with 95% CIs; \
            swept parameters as columns) and ends with a table of the cells (final value of each \
            headline metric per cell and arm). `flywheel report OUT` draws the heat maps.

            Examples:
              flywheel sweep scenarios/sweeps/cadence-participation.yaml --list
              flywheel sweep scenarios/sweeps/cadence-participation.yaml --jobs 2
              flywheel sweep scenarios/sweeps/cadence-participation.yaml --shard 1/4 --out results/cp
              flywheel merge results/cp/shard-*-of-4.sqlite --out results/cp/sweep.sqlite
            """
    )

    @Argument(help: "The sweep YAML file.")
    var sweep: String

    @Option(help: "Jobs (cell × arm × replicate) run at once; results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Results folder (default: results/<sweep name>).")
    var out: String?

    @Option(help: "Run one slice i/n of the cells (0-based i): cells with index mod n = i.")
    var shard: String?

    @Option(help: "The shard count when the index comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID.")
    var shardCount: Int?

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(
        help:
            "Recompute cells whose stored run key differs (a persona, the corpus or the version changed) instead of refusing."
    )
    var force = false

    @Flag(help: "Only validate the sweep and list this shard's cells (index, hash, values); run nothing.")
    var list = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard shard == nil || shardCount == nil else {
            throw ValidationError("--shard and --shard-count exclude each other")
        }
    }

    func run() throws {
        let slice =
            try shard.map { try Shard(parsing: $0) }
            ?? Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shardCount) ?? .whole
        if list {
            let loaded = try Sweep.load(path: sweep)
            let mine = loaded.cells(shard: slice)
            print("sweep \(loaded.name): \(loaded.cells.count) cells, shard \(slice): \(mine.count)")
            for cell in mine {
                let values = loaded.parameterPaths.map { "\($0)=\(cell.values[$0]!.plainText)" }.joined(separator: " ")
                print("\(cell.index)\t\(cell.hash)\t\(values)")
            }
            return
        }
        let pipeline = SweepPipeline(sweepPath: sweep, out: out, jobs: jobs, shard: slice, quiet: quiet, force: force)
        let outcome = try pipeline.run()
        if !quiet {
            print(
                "shard \(slice): \(outcome.cells) cells, \(outcome.computed) computed, \(outcome.skipped) already complete"
            )
            print("results: \(outcome.storePath)" + (outcome.csv.map { ", \($0)" } ?? ""))
        }
        // The whole sweep is in this store: end with its cells, one line per cell × arm (also
        // with --quiet, which silences progress only).
        if let results = outcome.results {
            print(quiet ? "" : "\n", terminator: "")
            print(TerminalText.lines(SweepCellTable.render(results)), terminator: "")
            print("heat maps: flywheel report \(TerminalText.line(outcome.directory))")
        }
    }
}
