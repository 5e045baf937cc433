import FlywheelCore
import Foundation
import GRDB

/// Reading back a job's annotation log (`flywheel export --what annotations`).
extension ResultsStore {
    /// The (arm, replicate) jobs of `run` that logged feedback, sorted.
    public func loggedJobs(run: Int64) throws -> [JobKey] {
        try queue.read { db in
            try AnnotationLogRow.filter(Column("run_id") == run).select(Column("arm"), Column("replicate")).distinct()
                .order(Column("arm"), Column("replicate")).asRequest(of: Row.self).fetchAll(db)
                .map { JobKey(arm: $0["arm"], replicate: $0["replicate"]) }
        }
    }

    /// One job's log text (lines ending in a newline), in the order the feedback was given, and
    /// its line count.
    public func annotationLog(run: Int64, job: JobKey) throws -> (text: String, lines: Int) {
        let windows = try annotationLogWindows(run: run, job: job)
        return (windows.map(\.text).joined(), windows.reduce(0) { $0 + $1.lines })
    }

    /// One job's log window by window: each stored iteration's lines (ending in a newline) and
    /// line count, by iteration.
    public func annotationLogWindows(run: Int64, job: JobKey) throws -> [(iteration: Int, text: String, lines: Int)] {
        let rows = try queue.read { db in
            try AnnotationLogRow.filter(
                Column("run_id") == run && Column("arm") == job.arm && Column("replicate") == job.replicate
            )
            .order(Column("iteration")).fetchAll(db)
        }
        return try rows.map { row in
            (row.iteration, try ZstdBlob.decompress([UInt8](row.log), store: path), row.lines)
        }
    }
}
