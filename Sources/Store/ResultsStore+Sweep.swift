import FlywheelCore
import GRDB

/// Sweep bookkeeping in a results store: each cell of a sweep is one run named by its resolved
/// scenario hash, and `sweep_cells` (``SweepCellsRow``) records which sweep cell it is and the
/// swept values.
extension ResultsStore {
    /// One recorded sweep cell.
    public struct SweepCellRow: Sendable, Hashable {
        public var sweep: String
        public var cell: Int
        public var hash: String
        public var runID: Int64
        /// The swept values as a JSON object (key path → value), sorted keys.
        public var parameters: String
        /// The run's status: `running` or `complete`.
        public var status: String
    }

    /// Records that run `runID` is cell `cell` of `sweep`. Recording the same cell again with the
    /// same hash is a no-op; another hash for the same cell is an error (the sweep file changed).
    public func recordSweepCell(sweep: String, cell: Int, hash: String, runID: Int64, parameters: String) throws {
        try writing { db in
            if let existing = try SweepCellsRow.filter(key: ["sweep": sweep, "cell": cell]).fetchOne(db) {
                guard existing.hash == hash else {
                    throw InputError(
                        file: path,
                        "holds cell \(cell) of sweep '\(sweep)' with another scenario (hash \(existing.hash), now \(hash)); the sweep file changed: use another --out folder"
                    )
                }
                return
            }
            try SweepCellsRow(sweep: sweep, cell: cell, hash: hash, runID: runID, parameters: parameters).insert(db)
        }
    }

    /// Every recorded sweep cell, by sweep and cell.
    public func sweepCells() throws -> [SweepCellRow] {
        try queue.read { db in
            // Only a store from before the migrator on a read-only mount can lack the table.
            guard try db.tableExists(SweepCellsRow.databaseTableName) else { return [] }
            let status = try Dictionary(
                uniqueKeysWithValues: RunsRow.select(Column("id"), Column("status")).asRequest(of: Row.self).fetchAll(
                    db
                ).map {
                    ($0["id"] as Int64, $0["status"] as String)
                })
            return try SweepCellsRow.order(Column("sweep"), Column("cell")).fetchAll(db).compactMap { row in
                status[row.runID].map {
                    SweepCellRow(
                        sweep: row.sweep, cell: row.cell, hash: row.hash, runID: row.runID, parameters: row.parameters,
                        status: $0)
                }
            }
        }
    }

    /// The id of run `name`, nil when absent.
    public func runID(name: String) throws -> Int64? {
        try queue.read { db in
            try RunsRow.filter(Column("name") == name).select(Column("id"), as: Int64.self).fetchOne(db)
        }
    }

    /// Every run's name, sorted.
    public func runNames() throws -> [String] {
        try queue.read { db in try RunsRow.order(Column("name")).select(Column("name"), as: String.self).fetchAll(db) }
    }

    /// The resolved scenario JSON recorded for run `name`, nil when absent.
    public func runScenario(name: String) throws -> String? {
        try queue.read { db in try RunsRow.filter(Column("name") == name).fetchOne(db)?.scenario }
    }

    /// Run `name`'s identity, nil when absent.
    public func run(named name: String) throws -> RunInfo? {
        try runs().first { $0.name == name }
    }
}
