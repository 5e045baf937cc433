import Engine
import FlywheelCore
import Foundation
import Reports
import Scenarios
import Store

/// `flywheel sweep` as a library function: loads the sweep, runs the unfinished (arm ×
/// replicate) jobs of this shard's cells on `jobs` workers, records each cell as a run named by
/// its scenario hash, and writes `sweep.csv` when the store holds the whole sweep.
struct SweepPipeline {
    var sweepPath: String
    var out: String?
    var jobs: Int
    var shard: Shard = .whole
    var quiet: Bool = true
    /// Recompute cells whose stored run key differs instead of refusing (exit 2).
    var force = false
    /// Testing hook: stop taking new work once this many cells have completed, as an
    /// interruption would (cells in flight are left unfinished).
    var stopAfterCells: Int?

    struct Outcome {
        var directory: String
        var storePath: String
        /// Cells of this shard.
        var cells: Int
        /// Cells already complete in the store, skipped.
        var skipped: Int
        /// Cells computed (fully or the rest of their jobs) by this call.
        var computed: Int
        /// `sweep.csv`, when written.
        var csv: String?
        /// This sweep's cells as read back for `sweep.csv`, when it was written.
        var results: SweepResults?
    }

    func run() throws -> Outcome {
        let sweep = try Sweep.load(path: sweepPath, width: jobs)
        let directory = out ?? "results/\(sweep.name)"
        let mine = sweep.cells(shard: shard)
        // Cells' relative paths resolve against the base scenario's folder (ScenarioPaths); a path
        // the sweep file sets was rebased there when the sweep was loaded.
        let root = sweep.root
        let keys = try Self.runKeys(mine, root: root, file: sweep.basePath, width: jobs)
        try makeDirectory(directory, what: "results folder")
        // One writer per store: shards of one sweep write their own stores in the same folder.
        let lock = try ResultsLock(directory: directory, name: Self.lockName(shard), command: commandLine)
        defer { lock.release() }
        let storePath = directory + "/" + shard.storeFileName
        let store = try ResultsStore(path: storePath)
        var finished = false
        defer { if !finished { store.finishWriting() } }

        // Every cell's stored run must have this cell's exact key, checked before any work.
        for (cell, key) in zip(mine, keys) {
            guard let stored = try store.run(named: cell.hash), let problem = RunReuse.mismatch(stored, key: key) else {
                continue
            }
            guard force else {
                throw InputError(
                    file: storePath,
                    "cell \(cell.index) (\(cell.hash)) cannot be reused: \(problem); pass --force to recompute it")
            }
            try store.deleteRun(stored.id)
        }

        var states: [CellState] = []
        var skipped = 0
        var notes: [String] = []
        let runIDs = try store.beginSweepCells(
            zip(mine, keys).map { cell, key in
                ResultsStore.SweepCellStart(
                    sweep: sweep.name, cell: cell.index, hash: cell.hash,
                    scenarioJSON: cell.scenario.resolvingPaths(against: root).canonicalJSON(),
                    seed: cell.scenario.seed, version: FlywheelVersion.current, key: key.value,
                    keyParts: key.partsJSON, parameters: JSONValue.object(cell.values).compactJSON)
            })
        for (cell, runID) in zip(mine, runIDs) {
            let audit = try store.auditJobs(run: runID)
            let state = CellState(cell: cell, root: root, runID: runID, finished: audit.complete)
            // A finished cell is skipped only when every job really holds all its iterations.
            if try store.runStatus(name: cell.hash) == "complete", Set(state.allJobs).isSubset(of: audit.complete) {
                skipped += 1
                continue
            }
            for (job, problem) in audit.damaged.sorted(by: { $0.key < $1.key }) {
                notes.append("cell \(cell.index): job \(job) was marked complete but \(problem); re-running it")
            }
            states.append(state)
        }

        let progress = Progress(total: mine.count, alreadyDone: skipped, unit: "cells", label: sweep.name, quiet: quiet)
        if !quiet && skipped > 0 { progress.note("resuming: \(skipped) of \(mine.count) cells already complete") }
        for note in notes { progress.note(note) }
        let work = Self.workItems(states, width: jobs)
        // Cells whose jobs all finished before an interruption only need their completion recorded.
        for state in states where state.remaining == 0 {
            try store.finishRun(state.runID, expecting: state.allJobs)
            state.markComplete()
        }
        let alreadyComplete = skipped
        let threads = Engine.threadsPerJob(jobs: work.count, cores: jobs)
        // With the whole sweep here, each cell's summary for `sweep.csv` is made by the worker
        // that finishes the cell, while the other workers still run jobs.
        let wholeSweep = shard.count == 1
        let summaries = Locked([String: RunSummary]())
        try WorkPool.run(count: work.count, width: jobs) { i in
            let (state, job) = work[i]
            let engine = try state.engine()
            let arm = engine.config.arms.first { $0.name == job.arm }!
            try store.resetJob(run: state.runID, job: job, iterations: engine.iterations(of: arm) + 1)
            try engine.runJob(job, threads: threads) { record in try store.write(record, run: state.runID) }
            guard state.jobFinished() else { return true }
            try store.finishRun(state.runID, expecting: state.allJobs)
            state.release()
            if wholeSweep {
                let summary = try RunSummary(
                    run: state.cell.hash, scenarioHash: state.cell.hash, baseline: state.cell.scenario.baseline,
                    rows: store.metricRows(run: state.runID))
                summaries.withLock { $0[state.cell.hash] = summary }
            }
            let done = progress.advance()
            return stopAfterCells.map { done - alreadyComplete < $0 } ?? true
        }
        progress.finish()
        let computed = states.filter(\.isComplete).count

        var csv: String?
        var results: SweepResults?
        if wholeSweep, computed + skipped == mine.count {
            csv = directory + "/sweep.csv"
            // This shard's cells' scenarios are known; only other cells' stored scenarios are decoded.
            let known = Dictionary(mine.map { ($0.hash, $0.scenario) }, uniquingKeysWith: { a, _ in a })
            let sweeps = try SweepCSV.sweeps(in: store, scenarios: known, summaries: summaries.withLock { $0 })
            results = sweeps.first { $0.name == sweep.name }
            // Nothing more is read from the store: its return to rollback-journal mode (a
            // checkpoint and several syncs, mostly waiting for the disk) overlaps writing the CSV.
            finished = true
            try Self.concurrently(store.finishWriting) { try writeAtomically(SweepCSV.render(sweeps), to: csv!) }
        }
        return Outcome(
            directory: directory, storePath: storePath, cells: mine.count, skipped: skipped, computed: computed,
            csv: csv, results: results)
    }

    /// The jobs still to run, `width` cells at a time (so cells finish early and steadily, and at
    /// most about `width` cells' engines are alive), those cells' jobs interleaved — first jobs
    /// first — so the workers build different cells' engines side by side instead of one waiting
    /// for the other's build of the same cell. Each job is reset (its partial rows removed) by the
    /// worker that runs it, and recomputed from its start.
    static func workItems(_ states: [CellState], width: Int) -> [(CellState, JobKey)] {
        let pending = states.map { state in
            let jobs = state.allJobs.filter { !state.finished.contains($0) }
            state.remaining = jobs.count
            return jobs
        }
        var items: [(CellState, JobKey)] = []
        for start in stride(from: 0, to: states.count, by: max(1, width)) {
            let group = start..<min(start + max(1, width), states.count)
            let longest = group.map { pending[$0].count }.max() ?? 0
            for j in 0..<longest {
                for c in group where j < pending[c].count { items.append((states[c], pending[c][j])) }
            }
        }
        return items
    }

    /// The lock file of this shard's store: `.lock` for the whole sweep, `.lock-shard-i-of-n`.
    static func lockName(_ shard: Shard) -> String {
        shard.count == 1 ? ResultsLock.defaultFileName : ".lock-shard-\(shard.index)-of-\(shard.count)"
    }
}

/// One cell being run: its engine (built on first use, dropped when the cell is done) and how
/// many of its jobs are left.
final class CellState: Sendable {
    let cell: Sweep.Cell
    /// The folder the cell's relative paths resolve against.
    let root: String
    let runID: Int64
    let finished: Set<JobKey>
    /// The engine once built, the jobs left and whether the cell is stored complete.
    private struct Progress {
        var built: Engine?
        var remaining = 0
        var complete = false
    }
    private let progress = Locked(Progress())

    init(cell: Sweep.Cell, root: String, runID: Int64, finished: Set<JobKey>) {
        self.cell = cell
        self.root = root
        self.runID = runID
        self.finished = finished
    }

    /// Jobs in the engine's order (arms sorted, replicates ascending), without building it.
    var allJobs: [JobKey] {
        cell.scenario.armNames.flatMap { arm in (0..<cell.scenario.replicates).map { JobKey(arm: arm, replicate: $0) } }
    }

    /// How many of the cell's jobs are left (set once its jobs are known).
    var remaining: Int {
        get { progress.withLock { $0.remaining } }
        set { progress.withLock { $0.remaining = newValue } }
    }

    func engine() throws -> Engine {
        try progress.withLock {
            if let built = $0.built { return built }
            let engine = try ScenarioAssembly.engine(
                for: cell.scenario, root: root, keepAnnotations: false, corpusChecked: true)
            $0.built = engine
            return engine
        }
    }

    /// Counts one job done; true when it was the cell's last.
    func jobFinished() -> Bool {
        progress.withLock {
            $0.remaining -= 1
            if $0.remaining == 0 { $0.complete = true }
            return $0.remaining == 0
        }
    }

    func markComplete() {
        progress.withLock { $0.complete = true }
    }

    var isComplete: Bool {
        progress.withLock { $0.complete }
    }

    func release() {
        progress.withLock { $0.built = nil }
    }
}
