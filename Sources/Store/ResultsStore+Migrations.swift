import GRDB

/// The results store's schema as the migrations that built it, one per schema version, each
/// exactly as that version shipped (documented in `docs/results-schema.md`). A store is at
/// version N when migrations `v1`…`vN` are applied; each also sets `meta.schema_version`, which
/// flywheel binaries from before the migrator read. To change the schema, register a new
/// migration `vN+1` at the end, bump ``ResultsStore/schemaVersion``, and never edit a shipped one.
extension ResultsStore {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: upgradeToVersion2)
        migrator.registerMigration("v3", migrate: upgradeToVersion3)
        migrator.registerMigration("v4", migrate: upgradeToVersion4)
        migrator.registerMigration("v5", migrate: upgradeToVersion5)
        return migrator
    }()

    /// Version 1: runs, their jobs, each iteration's metrics, annotations, model versions and
    /// knowledge-base events, and the cells of sweeps (before the migrator, `sweep_cells` was
    /// created by the first sweep; ``adoptLegacyStore(_:version:)`` adds it to such stores).
    static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '1');
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
        try createSweepCells(db)
    }

    /// `sweep_cells`: which run is which cell of a sweep, and the swept values (``SweepCellRow``).
    static func createSweepCells(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS sweep_cells (
                    sweep TEXT NOT NULL, cell INTEGER NOT NULL, hash TEXT NOT NULL,
                    run_id INTEGER NOT NULL REFERENCES runs(id), parameters TEXT NOT NULL,
                    PRIMARY KEY (sweep, cell))
                """)
    }

    /// Version 2: the run key (what the results depend on) and each job's expected iteration
    /// count, so a job marked complete can be checked for all its iterations. Runs from version 1
    /// get no key (so `--resume` does not reuse them) and jobs no expected count.
    static func upgradeToVersion2(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE runs ADD COLUMN run_key TEXT;
                ALTER TABLE runs ADD COLUMN run_key_parts TEXT;
                ALTER TABLE jobs ADD COLUMN iterations_expected INTEGER;
                UPDATE meta SET value = '2' WHERE key = 'schema_version';
                """)
    }

    /// Version 3: each job's agent feedback as annotation-log lines (docs/annotations.md), with
    /// what was shown and both replies, so `flywheel export --what annotations` rebuilds the log;
    /// one zstd-compressed blob of lines per iteration. Runs from before have no log.
    static func upgradeToVersion3(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE annotation_log (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    lines INTEGER NOT NULL, log BLOB NOT NULL,
                    PRIMARY KEY (run_id, arm, replicate, iteration));
                UPDATE meta SET value = '3' WHERE key = 'schema_version';
                """)
    }

    /// Version 4: each window's collected agent feedback per persona and kind, judged against the
    /// truth as it was absorbed (``PersonaActivity``; the report's per-persona panels read it
    /// instead of re-reading every log), and which runs store it (`runs.persona_activity` = 1).
    /// The migration cannot fill the table for older runs (judging needs the corpus's truth,
    /// which the store does not hold): they get `persona_activity` = 0, and `flywheel report`
    /// recounts their panels from their annotation logs, saying so.
    static func upgradeToVersion4(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE persona_activity (
                    run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
                    persona TEXT NOT NULL, kind TEXT NOT NULL, annotations INTEGER NOT NULL, seconds REAL NOT NULL,
                    judged INTEGER NOT NULL, agreed INTEGER NOT NULL,
                    PRIMARY KEY (run_id, arm, replicate, iteration, persona, kind));
                ALTER TABLE runs ADD COLUMN persona_activity INTEGER NOT NULL DEFAULT 0;
                UPDATE meta SET value = '4' WHERE key = 'schema_version';
                """)
    }

    /// Version 5: no table changes. An `annotation_log.log` blob may now be a zstd frame without a
    /// content size in its header (written as a stream, in 64 KB batches), which version-4
    /// binaries cannot decompress ("not a zstd frame"); the bump makes them refuse the store with
    /// the newer-schema line instead. Logs written before (frames with a size) read as before.
    static func upgradeToVersion5(_ db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    }
}
