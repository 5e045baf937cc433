import FlywheelCore
import GRDB

extension ResultsStore {
    /// Brings the store to ``schemaVersion``, writing only when something must change, so a
    /// reader (`flywheel report`) opening an up-to-date store never takes the write lock.
    static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let current = try queue.read { db -> Int? in
            guard try db.tableExists("meta") else { return nil }
            return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").flatMap { Int($0) }
        }
        if current == schemaVersion { return }
        try queue.write { db in try migrate(db, path: path) }
    }

    /// Creates the schema, or upgrades an older store step by step. Documented in
    /// `docs/results-schema.md`; bump ``schemaVersion`` and add a step on any change.
    static func migrate(_ db: Database, path: String) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        var version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").map { Int($0) ?? -1 }
        if version == nil {
            try createVersion1(db)
            version = 1
        }
        if version == 1 {
            try upgradeToVersion2(db)
            version = 2
        }
        if version == 2 {
            try upgradeToVersion3(db)
            version = 3
        }
        if version == 3 {
            try upgradeToVersion4(db)
            version = 4
        }
        guard version == schemaVersion else {
            throw InputError(
                file: path,
                "results store schema version \(version.map(String.init) ?? "?"); this flywheel reads version \(schemaVersion)")
        }
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO meta (key, value) VALUES ('schema_version', '1');
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

    /// Version 2: the run key (what the results depend on) and each job's expected iteration
    /// count, so a job marked complete can be checked for all its iterations.
    private static func upgradeToVersion2(_ db: Database) throws {
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
    /// one zstd-compressed blob of lines per iteration.
    private static func upgradeToVersion3(_ db: Database) throws {
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
    /// instead of re-reading every log), and which runs store it (`runs.persona_activity` = 1;
    /// 0 for runs written before, whose report falls back to re-reading their logs).
    private static func upgradeToVersion4(_ db: Database) throws {
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
}
