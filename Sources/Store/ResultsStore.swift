import FlywheelCore
import GRDB

/// The SQLite results store of one run: `results/NAME/run.sqlite` (schema in
/// `docs/results-schema.md`).
///
/// Writes are transactional per iteration: an iteration's metrics, annotations, model versions
/// and KB events land together or not at all, and a job is marked complete only after its last
/// iteration. Hot inserts go through prepared statements.
///
/// ```swift
/// let store = try ResultsStore(path: "results/quickstart/run.sqlite")
/// let run = try store.beginRun(name: "quickstart", scenarioJSON: json, scenarioHash: hash, seed: 42)
/// try store.write(iteration)
/// ```
public final class ResultsStore: Sendable {
    public static let schemaVersion = 1
    let queue: DatabaseQueue
    public let path: String

    public init(path: String) throws {
        self.path = path
        do {
            var config = Configuration()
            config.label = "flywheel.results"
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.write { db in try ResultsStore.migrate(db) }
        } catch let error as DatabaseError {
            throw InputError(file: path, "cannot open the results store: \(error.message ?? "\(error)")")
        }
    }

    /// Creates the run row, or returns the existing one when a run with the same name and
    /// scenario hash is being resumed. A different scenario under the same name is an error.
    public func beginRun(name: String, scenarioJSON: String, scenarioHash: String, seed: UInt64, version: String) throws -> Int64 {
        try queue.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT id, scenario_hash FROM runs WHERE name = ?", arguments: [name]) {
                let hash: String = row["scenario_hash"]
                guard hash == scenarioHash else {
                    throw InputError(
                        file: path,
                        "holds run '\(name)' of a different scenario (hash \(hash), now \(scenarioHash)); use another --out folder or delete it")
                }
                return row["id"]
            }
            try db.execute(
                sql: "INSERT INTO runs (name, scenario, scenario_hash, seed, flywheel_version, status) VALUES (?, ?, ?, ?, ?, 'running')",
                arguments: [name, scenarioJSON, scenarioHash, Int64(bitPattern: seed), version])
            return db.lastInsertedRowID
        }
    }

    /// Iterations already stored for each (arm, replicate) job of `run`.
    public func completedJobs(run: Int64) throws -> Set<JobKey> {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT arm, replicate FROM jobs WHERE run_id = ? AND status = 'complete'", arguments: [run])
            return Set(rows.map { JobKey(arm: $0["arm"], replicate: $0["replicate"]) })
        }
    }

    /// Removes a job's partial iterations (a job interrupted mid-way is recomputed from its start).
    public func resetJob(run: Int64, job: JobKey) throws {
        try queue.write { db in
            for table in ["iterations", "metrics", "annotations", "model_versions", "kb_events", "jobs"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE run_id = ? AND arm = ? AND replicate = ?",
                    arguments: [run, job.arm, job.replicate])
            }
            try db.execute(
                sql: "INSERT INTO jobs (run_id, arm, replicate, status) VALUES (?, ?, ?, 'running')",
                arguments: [run, job.arm, job.replicate])
        }
    }

    /// Writes one iteration's results in one transaction.
    public func write(_ record: IterationRecord, run: Int64) throws {
        try queue.write { db in
            let job: StatementArguments = [run, record.job.arm, record.job.replicate, record.iteration]
            try db.execute(
                sql: "INSERT INTO iterations (run_id, arm, replicate, iteration, sim_time, retrained, deployed) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: job + [record.simTime.iso8601, record.retrained, record.deployed])
            let metric = try db.cachedStatement(
                sql: "INSERT INTO metrics (run_id, arm, replicate, iteration, metric, value) VALUES (?, ?, ?, ?, ?, ?)")
            for (name, value) in record.metrics.sorted(by: { $0.key < $1.key }) {
                try metric.execute(arguments: job + [name, value])
            }
            let annotation = try db.cachedStatement(
                sql: "INSERT INTO annotations (run_id, arm, replicate, iteration, kind, ticket, agent, article, label, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for a in record.annotations {
                annotation.setUncheckedArguments(job + [a.kind, a.ticket, a.agent, a.article, a.label, a.detail])
                try annotation.execute()
            }
            let model = try db.cachedStatement(
                sql: "INSERT INTO model_versions (run_id, arm, replicate, iteration, component, version, deployed, training_examples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for m in record.models {
                try model.execute(arguments: job + [m.component, m.version, m.deployed, m.trainingExamples])
            }
            let kb = try db.cachedStatement(
                sql: "INSERT INTO kb_events (run_id, arm, replicate, iteration, sim_time, article, event, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for e in record.kbEvents {
                try kb.execute(arguments: job + [e.time.iso8601, e.article, e.event, e.flags])
            }
            if record.isLast {
                try db.execute(
                    sql: "UPDATE jobs SET status = 'complete' WHERE run_id = ? AND arm = ? AND replicate = ?",
                    arguments: [run, record.job.arm, record.job.replicate])
            }
        }
    }

    /// Marks the run complete once every job is.
    public func finishRun(_ run: Int64) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET status = 'complete' WHERE id = ?", arguments: [run])
        }
    }

    /// Every metric row of `run`, sorted by arm, replicate, iteration, metric.
    public func metricRows(run: Int64) throws -> [MetricRow] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT arm, replicate, iteration, metric, value FROM metrics WHERE run_id = ? ORDER BY arm, replicate, iteration, metric",
                arguments: [run]
            ).map { MetricRow(arm: $0["arm"], replicate: $0["replicate"], iteration: $0["iteration"], metric: $0["metric"], value: $0["value"]) }
        }
    }

    /// The status of run `name` (`running` or `complete`), nil when absent.
    public func runStatus(name: String) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM runs WHERE name = ?", arguments: [name])
        }
    }
}
