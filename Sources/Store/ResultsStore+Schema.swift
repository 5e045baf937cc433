import GRDB

extension ResultsStore {
    /// Creates the schema, or checks an existing store's version. Documented in
    /// `docs/results-schema.md`; bump ``schemaVersion`` and add a migration step on any change.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        if let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") {
            guard Int(version) == schemaVersion else {
                throw DatabaseError(message: "results store schema version \(version); this flywheel reads version \(schemaVersion)")
            }
            return
        }
        try db.execute(
            sql: """
                INSERT INTO meta (key, value) VALUES ('schema_version', '\(schemaVersion)');
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL,
                    scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL, flywheel_version TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'complete')));
                CREATE TABLE jobs (
                    run_id INTEGER NOT NULL REFERENCES runs(id), arm TEXT NOT NULL, replicate INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'complete')),
                    PRIMARY KEY (run_id, arm, replicate));
                CREATE TABLE iterations (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    sim_time TEXT NOT NULL, retrained INTEGER NOT NULL, deployed INTEGER NOT NULL,
                    PRIMARY KEY (run_id, arm, replicate, iteration));
                CREATE TABLE metrics (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    metric TEXT NOT NULL, value REAL NOT NULL,
                    PRIMARY KEY (run_id, arm, replicate, iteration, metric));
                CREATE TABLE annotations (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    kind TEXT NOT NULL, ticket TEXT NOT NULL, agent TEXT NOT NULL, article TEXT,
                    label TEXT NOT NULL, detail TEXT);
                CREATE INDEX annotations_by_job ON annotations (run_id, arm, replicate, iteration);
                CREATE TABLE model_versions (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    component TEXT NOT NULL, version INTEGER NOT NULL, deployed INTEGER NOT NULL,
                    training_examples INTEGER NOT NULL);
                CREATE TABLE kb_events (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    sim_time TEXT NOT NULL, article TEXT NOT NULL, event TEXT NOT NULL, flags INTEGER NOT NULL);
                """)
    }
}
