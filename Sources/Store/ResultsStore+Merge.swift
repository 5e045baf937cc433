import FlywheelCore
import GRDB

/// Combining the stores of several shards (or processes) into one.
extension ResultsStore {
    /// What a merge did.
    public struct MergeReport: Sendable, Hashable {
        /// Runs copied into the output.
        public var copied = 0
        /// Runs already in the output with identical scenario hash, status and metrics.
        public var identical = 0
        public init(copied: Int = 0, identical: Int = 0) {
            self.copied = copied
            self.identical = identical
        }
    }

    /// Copies every run of the stores at `sources` into this store, with every table that has a
    /// `run_id` column (jobs, iterations, metrics, annotations, model versions, KB events, sweep
    /// cells). A run (by name) that is already present is accepted when its scenario hash, run
    /// key (when both have one), status and metric rows are identical, and is an ``InputError`` otherwise: shards never overwrite
    /// each other.
    public func merge(from sources: [String]) throws -> MergeReport {
        var report = MergeReport()
        for source in sources {
            let other = try ResultsStore(path: source)
            let runs = try other.queue.read { db in try RunsRow.order(Column("name")).fetchAll(db) }
            for run in runs {
                let name = run.name
                let sourceID = run.id!
                if let existing = try queue.read({ db in try RunsRow.filter(Column("name") == name).fetchOne(db) }) {
                    let keys = [existing.runKey, run.runKey].compactMap { $0 }
                    let sameHash = existing.scenarioHash == run.scenarioHash && (keys.count < 2 || keys[0] == keys[1])
                    let sameStatus = existing.status == run.status
                    var sameMetrics = false
                    if sameHash && sameStatus {
                        sameMetrics = try metricRows(run: existing.id!) == other.metricRows(run: sourceID)
                    }
                    guard sameMetrics else {
                        throw InputError(
                            file: source,
                            "run '\(name)' conflicts with the run of that name already merged into \(path) (different \(sameHash ? (sameStatus ? "metrics" : "status") : "scenario hash or run key")); refusing to merge"
                        )
                    }
                    report.identical += 1
                    continue
                }
                try copyRun(sourceID, from: source)
                report.copied += 1
            }
        }
        return report
    }

    /// Copies run `sourceID` of the store at `source` with all its rows, under a new id.
    func copyRun(_ sourceID: Int64, from source: String) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [source])
            defer { try? db.execute(sql: "DETACH DATABASE src") }
            try db.inTransaction {
                try db.execute(
                    sql: """
                        INSERT INTO main.runs (name, scenario, scenario_hash, seed, flywheel_version, status, run_key, run_key_parts, persona_activity)
                        SELECT name, scenario, scenario_hash, seed, flywheel_version, status, run_key, run_key_parts, persona_activity FROM src.runs WHERE id = ?
                        """,
                    arguments: [sourceID])
                let newID = db.lastInsertedRowID
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM src.sqlite_master WHERE type = 'table' AND name != 'runs' ORDER BY name")
                for table in tables {
                    let columns = try Row.fetchAll(db, sql: "PRAGMA src.table_info(\(table.quotedDatabaseIdentifier))")
                        .map { $0["name"] as String }
                    guard columns.contains("run_id") else { continue }
                    let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                    let select = columns.map { $0 == "run_id" ? "?" : $0.quotedDatabaseIdentifier }.joined(
                        separator: ", ")
                    try db.execute(
                        sql:
                            "INSERT INTO main.\(table.quotedDatabaseIdentifier) (\(list)) SELECT \(select) FROM src.\(table.quotedDatabaseIdentifier) WHERE run_id = ?",
                        arguments: [newID, sourceID])
                }
                return .commit
            }
        }
    }
}
