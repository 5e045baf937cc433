import FlywheelCore
import GRDB

/// Opening a store at the schema this flywheel writes: migrating an older one, refusing a newer
/// one (``migrator`` holds the migrations).
extension ResultsStore {
    /// Where a store's schema stands before it is opened for use.
    struct SchemaState {
        /// `meta.schema_version`; nil for a new, empty file.
        var version: Int?
        /// The migrations GRDB recorded in `grdb_migrations`; nil when the table is absent
        /// (a new file, or a store written before the migrator).
        var applied: Set<String>?

        init(_ db: Database, path: String) throws {
            if try db.tableExists("meta"),
                let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            {
                guard let number = Int(text) else {
                    throw InputError(
                        file: path, field: "meta.schema_version", "is \"\(text)\", not a schema version number")
                }
                version = number
            }
            if try db.tableExists("grdb_migrations") { applied = try migrator.appliedIdentifiers(db) }
            isEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
        }

        /// A new file: no table, index or view at all.
        var isEmpty: Bool

        /// The version number the recorded migrations amount to (`v1`…`vN` → N), counting ones
        /// this flywheel does not know.
        var appliedVersion: Int? {
            applied?.count
        }
    }

    /// Brings the store at `path` to ``schemaVersion``, writing only when something must change,
    /// so a reader (`flywheel report`) opening an up-to-date store never takes the write lock. A
    /// store of a newer schema is an ``InputError`` naming the file, the version found and the
    /// version supported.
    static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let state = try queue.read { db in try SchemaState(db, path: path) }
        let found = max(state.version ?? 0, state.appliedVersion ?? 0)
        let unknown = (state.applied ?? []).subtracting(migrator.migrations)
        guard found <= schemaVersion, unknown.isEmpty else {
            throw InputError(
                file: path,
                "results store schema version \(found) is newer than this flywheel supports (version \(schemaVersion)); open it with a newer flywheel"
            )
        }
        if state.version == schemaVersion, state.applied?.count == schemaVersion { return }
        if let version = state.version, state.applied == nil {
            do {
                try queue.write { db in try adoptLegacyStore(db, version: version) }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY && version == schemaVersion {
                // A current store written before the migrator, on a read-only mount: readable as it is.
                return
            }
        }
        if state.isEmpty {
            // A new store is written in WAL mode anyway (``writing(_:)``); switching first makes each
            // migration's commit one sync of the log instead of the rollback journal's several.
            try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        }
        try migrator.migrate(queue)
    }

    /// Records, for a store written before the migrator (its version only in `meta`), that
    /// migrations `v1`…`vN` are applied, and gives it `sweep_cells` if no sweep created it.
    static func adoptLegacyStore(_ db: Database, version: Int) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for identifier in migrator.migrations.prefix(version) {
            try db.execute(
                sql: "INSERT OR IGNORE INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
        try createSweepCells(db)
    }
}
