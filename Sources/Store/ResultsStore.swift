import FlywheelCore
import Foundation
import GRDB

/// The SQLite results store of one run: `results/NAME/run.sqlite` (schema in
/// `docs/results-schema.md`).
///
/// Writes are transactional per iteration: an iteration's metrics, annotations, model versions
/// and KB events land together or not at all, and a job is marked complete only in the
/// transaction of its last iteration. While written the store is in WAL mode with
/// `synchronous = FULL` (a committed iteration survives a crash or power loss) and a busy
/// timeout, so readers such as `flywheel report` never make the writer fail with "database is
/// locked"; ``finishWriting()`` returns it to rollback-journal mode for read-only readers. The
/// per-iteration metric, annotation and persona-activity inserts go through cached prepared
/// statements; other rows are GRDB records (`ResultsStore+Records.swift`). The schema is
/// ``migrator``'s migrations, applied when the store is opened.
///
/// ```swift
/// let store = try ResultsStore(path: "results/quickstart/run.sqlite")
/// let run = try store.beginRun(name: "quickstart", scenarioJSON: json, scenarioHash: hash, seed: 42, version: "0.1.0")
/// try store.write(iteration, run: run)
/// ```
public final class ResultsStore: Sendable {
    /// The schema this flywheel writes: the number of migrations in ``migrator``.
    public static let schemaVersion = migrator.migrations.count
    /// The tables holding a job's rows, emptied when the job restarts.
    static let jobTables = [
        "iterations", "metrics", "annotations", "annotation_log", "persona_activity", "model_versions", "kb_events",
        "jobs"
    ]
    /// How long a connection waits for another one's write lock before giving up (seconds).
    static let busyTimeout: Double = 60
    let queue: DatabaseQueue
    public let path: String

    public init(path: String) throws {
        self.path = path
        do {
            var config = Configuration()
            config.label = "flywheel.results"
            config.busyMode = .timeout(ResultsStore.busyTimeout)
            config.prepareDatabase { db in
                // FULL: each commit is durable. (WAL is set by the first write: ``writing(_:)``.)
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
            try ResultsStore.migrate(queue, path: path)
        } catch let error as DatabaseError {
            throw ResultsStore.storageError(error, path: path)
        }
    }

    /// One write transaction, in WAL mode (readers never block the writer, nor it them), with
    /// SQLite failures (disk full, read-only, permissions) turned into one ``InputError`` naming
    /// the store.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw ResultsStore.storageError(error, path: path)
        }
    }

    /// Returns the store to rollback-journal mode once its writer is done, so that it can be read
    /// where it cannot be written (a read-only mount, another user's folder: a WAL store needs
    /// its `-shm` file). When a reader is connected right then, the store stays in WAL mode,
    /// which is harmless.
    public func finishWriting() {
        try? queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 100")
            _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA busy_timeout = \(Int(ResultsStore.busyTimeout * 1000))")
        }
    }

    /// Creates the run row, or returns the existing one when a run with the same name and
    /// scenario hash is being resumed. A different scenario under the same name is an error.
    /// `key` and `keyParts` record what the results depend on (see `docs/reliability.md`).
    public func beginRun(
        name: String, scenarioJSON: String, scenarioHash: String, seed: UInt64, version: String,
        key: String? = nil, keyParts: String? = nil
    ) throws -> Int64 {
        try writing { db in
            try beginRun(
                db, name: name, scenarioJSON: scenarioJSON, scenarioHash: scenarioHash, seed: seed, version: version,
                key: key, keyParts: keyParts)
        }
    }

    /// ``beginRun(name:scenarioJSON:scenarioHash:seed:version:key:keyParts:)`` inside a write
    /// transaction the caller holds.
    func beginRun(
        _ db: Database, name: String, scenarioJSON: String, scenarioHash: String, seed: UInt64, version: String,
        key: String?, keyParts: String?
    ) throws -> Int64 {
        if var row = try RunsRow.filter(Column("name") == name).fetchOne(db) {
            guard row.scenarioHash == scenarioHash else {
                throw InputError(
                    file: path,
                    "holds run '\(name)' of a different scenario (hash \(row.scenarioHash), now \(scenarioHash)); use another --out folder or --force"
                )
            }
            if let key, row.runKey == nil {
                row.runKey = key
                row.runKeyParts = keyParts
                try row.update(db)
            }
            return row.id!
        }
        var row = RunsRow(
            id: nil, name: name, scenario: scenarioJSON, scenarioHash: scenarioHash, seed: Int64(bitPattern: seed),
            flywheelVersion: version, status: .running, runKey: key, runKeyParts: keyParts, personaActivity: true)
        try row.insert(db)
        return row.id!
    }

    /// Removes a job's partial iterations (a job interrupted mid-way is recomputed from its
    /// start), marks it running with `iterations` expected (iteration 0 included), and marks the
    /// run running again until ``finishRun(_:expecting:)``.
    public func resetJob(run: Int64, job: JobKey, iterations: Int? = nil) throws {
        try writing { db in
            for table in ResultsStore.jobTables {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE run_id = ? AND arm = ? AND replicate = ?",
                    arguments: [run, job.arm, job.replicate])
            }
            try JobsRow(
                runID: run, arm: job.arm, replicate: job.replicate, status: .running, iterationsExpected: iterations
            ).insert(db)
            try RunsRow.filter(key: run).updateAll(db, Column("status").set(to: Status.running))
        }
    }

    /// Writes one iteration's results in one transaction; the last iteration's transaction also
    /// marks the job complete.
    public func write(_ record: IterationRecord, run: Int64) throws {
        // compressed line by line, each line written once, before taking the store (concurrent
        // jobs compress side by side): the window's whole text is never held. The engine hands
        // its log already compressed, as it was given (``AnnotationLogWriter``).
        let log: AnnotationLogWriter.Written? =
            record.writtenLog
            ?? (record.log.isEmpty
                ? nil
                : AnnotationLogWriter.Written(
                    frame: ZstdBlob.compress(record.log) { entry, out in entry.appendLogLine(to: &out) },
                    lines: record.log.count))
        try writing { db in
            let job: StatementArguments = [run, record.job.arm, record.job.replicate, record.iteration]
            let (arm, replicate, iteration) = (record.job.arm, record.job.replicate, record.iteration)
            try IterationsRow(
                runID: run, arm: arm, replicate: replicate, iteration: iteration, simTime: record.simTime.iso8601,
                retrained: record.retrained, deployed: record.deployed
            ).insert(db)
            let metric = try db.cachedStatement(
                sql: "INSERT INTO metrics (run_id, arm, replicate, iteration, metric, value) VALUES (?, ?, ?, ?, ?, ?)")
            for (name, value) in record.metrics.sorted(by: { $0.key < $1.key }) {
                try metric.execute(arguments: job + [name, value])
            }
            let annotation = try db.cachedStatement(
                sql:
                    "INSERT INTO annotations (run_id, arm, replicate, iteration, kind, ticket, agent, article, label, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            )
            for a in record.annotations {
                annotation.setUncheckedArguments(
                    job + [a.kind.rawValue, a.ticket, a.agent, a.article, a.label.rawValue, a.detail])
                try annotation.execute()
            }
            if let log {
                try AnnotationLogRow(
                    runID: run, arm: arm, replicate: replicate, iteration: iteration, lines: log.lines,
                    log: Data(log.frame)
                ).insert(db)
            }
            try ResultsStore.insertPersonaActivity(record.personaActivity, job: job, db: db)
            for m in record.models {
                try ModelVersionsRow(
                    runID: run, arm: arm, replicate: replicate, iteration: iteration, component: m.component,
                    version: m.version,
                    deployed: m.deployed, trainingExamples: m.trainingExamples
                ).insert(db)
            }
            for e in record.kbEvents {
                try KBEventsRow(
                    runID: run, arm: arm, replicate: replicate, iteration: iteration, simTime: e.time.iso8601,
                    article: e.article,
                    event: e.kind.rawValue, flags: e.flags
                ).insert(db)
            }
            if record.isLast {
                try JobsRow.filter(key: ["run_id": run, "arm": arm, "replicate": replicate])
                    .updateAll(db, Column("status").set(to: Status.complete))
            }
        }
    }

    /// Every metric row of `run`, sorted by arm, replicate, iteration, metric.
    public func metricRows(run: Int64) throws -> [MetricRow] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT arm, replicate, iteration, metric, value FROM metrics WHERE run_id = ? ORDER BY arm, replicate, iteration, metric",
                arguments: [run]
            ).map {
                MetricRow(
                    arm: $0["arm"], replicate: $0["replicate"], iteration: $0["iteration"], metric: $0["metric"],
                    value: $0["value"])
            }
        }
    }

    /// The status of run `name` (`running` or `complete`), nil when absent.
    public func runStatus(name: String) throws -> String? {
        try queue.read { db in
            try RunsRow.filter(Column("name") == name).fetchOne(db)?.status.rawValue
        }
    }
}
