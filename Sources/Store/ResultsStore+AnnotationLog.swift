import FlywheelCore
import GRDB

/// Reading back a job's annotation log (`flywheel export --what annotations`).
extension ResultsStore {
    /// The (arm, replicate) jobs of `run` that logged feedback, sorted.
    public func loggedJobs(run: Int64) throws -> [JobKey] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT DISTINCT arm, replicate FROM annotation_log WHERE run_id = ? ORDER BY arm, replicate",
                arguments: [run]
            ).map { JobKey(arm: $0["arm"], replicate: $0["replicate"]) }
        }
    }

    /// Calls `body` with each log line of one job, in the order the feedback was given.
    public func forEachLogLine(run: Int64, job: JobKey, _ body: (String) throws -> Void) throws {
        try queue.read { db in
            let cursor = try String.fetchCursor(
                db,
                sql: "SELECT line FROM annotation_log WHERE run_id = ? AND arm = ? AND replicate = ? ORDER BY iteration, seq",
                arguments: [run, job.arm, job.replicate])
            while let line = try cursor.next() { try body(line) }
        }
    }
}
