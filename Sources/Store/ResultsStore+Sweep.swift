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
            try recordSweepCell(db, sweep: sweep, cell: cell, hash: hash, runID: runID, parameters: parameters)
        }
    }

    func recordSweepCell(
        _ db: Database, sweep: String, cell: Int, hash: String, runID: Int64, parameters: String
    ) throws {
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

    /// A sweep cell to begin: its run (named by its scenario hash) and its `sweep_cells` row.
    public struct SweepCellStart: Sendable {
        public var sweep: String
        public var cell: Int
        public var hash: String
        public var scenarioJSON: String
        public var seed: UInt64
        public var version: String
        public var key: String?
        public var keyParts: String?
        /// The swept values as a JSON object (key path → value), sorted keys.
        public var parameters: String

        public init(
            sweep: String, cell: Int, hash: String, scenarioJSON: String, seed: UInt64, version: String, key: String?,
            keyParts: String?, parameters: String
        ) {
            self.sweep = sweep
            self.cell = cell
            self.hash = hash
            self.scenarioJSON = scenarioJSON
            self.seed = seed
            self.version = version
            self.key = key
            self.keyParts = keyParts
            self.parameters = parameters
        }
    }

    /// Begins every cell's run and records it as its sweep's cell — what
    /// ``beginRun(name:scenarioJSON:scenarioHash:seed:version:key:keyParts:)`` and
    /// ``recordSweepCell(sweep:cell:hash:runID:parameters:)`` do per cell — in one transaction:
    /// one durable commit for the sweep instead of two per cell, and none at all when a cell is
    /// refused. The run ids, in the cells' order.
    public func beginSweepCells(_ cells: [SweepCellStart]) throws -> [Int64] {
        try writing { db in
            try cells.map { cell in
                let runID = try beginRun(
                    db, name: cell.hash, scenarioJSON: cell.scenarioJSON, scenarioHash: cell.hash, seed: cell.seed,
                    version: cell.version, key: cell.key, keyParts: cell.keyParts)
                try recordSweepCell(
                    db, sweep: cell.sweep, cell: cell.cell, hash: cell.hash, runID: runID, parameters: cell.parameters)
                return runID
            }
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
