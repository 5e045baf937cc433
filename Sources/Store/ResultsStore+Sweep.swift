import FlywheelCore
import GRDB

/// Sweep bookkeeping in a results store: each cell of a sweep is one run named by its resolved
/// scenario hash, and `sweep_cells` records which sweep cell it is and the swept values.
///
/// ```sql
/// CREATE TABLE sweep_cells (sweep TEXT, cell INTEGER, hash TEXT, run_id INTEGER, parameters TEXT,
///                           PRIMARY KEY (sweep, cell))
/// ```
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

    static func createSweepTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS sweep_cells (
                    sweep TEXT NOT NULL, cell INTEGER NOT NULL, hash TEXT NOT NULL,
                    run_id INTEGER NOT NULL REFERENCES runs(id), parameters TEXT NOT NULL,
                    PRIMARY KEY (sweep, cell))
                """)
    }

    /// Records that run `runID` is cell `cell` of `sweep`. Recording the same cell again with the
    /// same hash is a no-op; another hash for the same cell is an error (the sweep file changed).
    public func recordSweepCell(sweep: String, cell: Int, hash: String, runID: Int64, parameters: String) throws {
        try writing { db in
            try ResultsStore.createSweepTable(db)
            if let existing = try String.fetchOne(
                db, sql: "SELECT hash FROM sweep_cells WHERE sweep = ? AND cell = ?", arguments: [sweep, cell])
            {
                guard existing == hash else {
                    throw InputError(
                        file: path,
                        "holds cell \(cell) of sweep '\(sweep)' with another scenario (hash \(existing), now \(hash)); the sweep file changed: use another --out folder")
                }
                return
            }
            try db.execute(
                sql: "INSERT INTO sweep_cells (sweep, cell, hash, run_id, parameters) VALUES (?, ?, ?, ?, ?)",
                arguments: [sweep, cell, hash, runID, parameters])
        }
    }

    /// Every recorded sweep cell, by sweep and cell.
    public func sweepCells() throws -> [SweepCellRow] {
        try writing { db in
            try ResultsStore.createSweepTable(db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT s.sweep, s.cell, s.hash, s.run_id, s.parameters, r.status
                    FROM sweep_cells s JOIN runs r ON r.id = s.run_id ORDER BY s.sweep, s.cell
                    """
            ).map {
                SweepCellRow(
                    sweep: $0["sweep"], cell: $0["cell"], hash: $0["hash"], runID: $0["run_id"],
                    parameters: $0["parameters"], status: $0["status"])
            }
        }
    }

    /// The id of run `name`, nil when absent.
    public func runID(name: String) throws -> Int64? {
        try queue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE name = ?", arguments: [name]) }
    }

    /// Every run's name, sorted.
    public func runNames() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM runs ORDER BY name") }
    }
}

extension ResultsStore {
    /// The resolved scenario JSON recorded for run `name`, nil when absent.
    public func runScenario(name: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT scenario FROM runs WHERE name = ?", arguments: [name]) }
    }
}

extension ResultsStore {
    /// Run `name`'s identity, nil when absent.
    public func run(named name: String) throws -> RunInfo? {
        try runs().first { $0.name == name }
    }
}
