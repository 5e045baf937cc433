import FlywheelCore
import GRDB

/// When a job and a run count as complete, and checking that they really are.
///
/// A job is marked complete in the transaction of its last iteration. Before trusting that mark
/// (on `--resume`, or when a sweep skips a cell) the store checks the job really has every
/// iteration: iterations 0…n−1 all present, n being the count recorded when the job started.
extension ResultsStore {
    /// The jobs of a run marked complete, split into those that really are and those that are not.
    public struct JobAudit: Sendable, Hashable {
        /// Marked complete and holding every iteration.
        public var complete: Set<JobKey> = []
        /// Marked complete but missing iterations: what is wrong, e.g. "has 3 of 4 iterations".
        public var damaged: [JobKey: String] = [:]
    }

    /// Checks every job of `run` marked complete.
    public func auditJobs(run: Int64) throws -> JobAudit {
        try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT j.arm, j.replicate, j.iterations_expected AS expected,
                           COUNT(DISTINCT i.iteration) AS stored, MIN(i.iteration) AS first, MAX(i.iteration) AS last
                    FROM jobs j LEFT JOIN iterations i
                      ON i.run_id = j.run_id AND i.arm = j.arm AND i.replicate = j.replicate
                    WHERE j.run_id = ? AND j.status = 'complete'
                    GROUP BY j.arm, j.replicate
                    """,
                arguments: [run])
            var audit = JobAudit()
            for row in rows {
                let job = JobKey(arm: row["arm"], replicate: row["replicate"])
                let expected: Int? = row["expected"]
                let stored: Int = row["stored"]
                let first: Int? = row["first"]
                let last: Int? = row["last"]
                let contiguous = stored > 0 && first == 0 && last == stored - 1
                if contiguous && (expected == nil || expected == stored) {
                    audit.complete.insert(job)
                } else if let expected {
                    audit.damaged[job] = "has \(stored) of \(expected) iterations"
                } else {
                    audit.damaged[job] = "has \(stored) iterations with gaps (\(first ?? 0)…\(last ?? 0))"
                }
            }
            return audit
        }
    }

    /// The (arm, replicate) jobs of `run` that are complete and hold every iteration.
    public func completedJobs(run: Int64) throws -> Set<JobKey> {
        try auditJobs(run: run).complete
    }

    /// Marks the run complete, after checking that every job in `expecting` (and every job the
    /// store holds for the run) is complete with all its iterations. Throws an ``InputError``
    /// naming the first job that is not.
    public func finishRun(_ run: Int64, expecting: [JobKey] = []) throws {
        let audit = try auditJobs(run: run)
        let known = try queue.read { db in try JobsRow.filter(Column("run_id") == run).fetchAll(db).map(\.job) }
        for job in (Set(expecting).union(known)).sorted() where !audit.complete.contains(job) {
            let problem = audit.damaged[job] ?? "is not complete"
            throw InputError(file: path, "cannot mark the run complete: job \(job) \(problem)")
        }
        try writing { db in
            _ = try RunsRow.filter(key: run).updateAll(db, Column("status").set(to: Status.complete))
        }
    }

    /// Deletes run `id` and every row of it (every table with a `run_id` column).
    public func deleteRun(_ id: Int64) throws {
        try writing { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'runs' ORDER BY name")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map {
                    $0["name"] as String
                }
                guard columns.contains("run_id") else { continue }
                try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE run_id = ?", arguments: [id])
            }
            try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [id])
        }
    }
}
