import FlywheelCore
import Foundation
import GRDB

@testable import Store

/// Results stores as flywheel wrote them before the migrator: schema versions 1–4 recorded only in
/// `meta.schema_version`, each built from the DDL that version shipped with (frozen here from the
/// history of `Sources/Store/ResultsStore+Schema.swift`, never from the code under test), and
/// holding one small complete run with a row in every table the version has.
enum LegacyStore {
    /// Version 1 (4fb1f13): `sweep_cells` was not part of it (the first sweep created it).
    static let version1 = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
        """

    /// `sweep_cells` as the first sweep created it (4137631).
    static let sweepCells = """
        CREATE TABLE IF NOT EXISTS sweep_cells (
            sweep TEXT NOT NULL, cell INTEGER NOT NULL, hash TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id), parameters TEXT NOT NULL,
            PRIMARY KEY (sweep, cell))
        """

    /// Versions 2 (bf0d080), 3 (dc22641), 4 (4bd6e1e) and 5 (no table change: annotation-log
    /// frames may lack a content size), each from the one before. Only 1–4 were ever written
    /// before the migrator; 5 is here for the migrations' shape test.
    static let upgrades = [
        2: """
        ALTER TABLE runs ADD COLUMN run_key TEXT;
        ALTER TABLE runs ADD COLUMN run_key_parts TEXT;
        ALTER TABLE jobs ADD COLUMN iterations_expected INTEGER;
        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        """,
        3: """
        CREATE TABLE annotation_log (
            run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
            lines INTEGER NOT NULL, log BLOB NOT NULL,
            PRIMARY KEY (run_id, arm, replicate, iteration));
        UPDATE meta SET value = '3' WHERE key = 'schema_version';
        """,
        4: """
        CREATE TABLE persona_activity (
            run_id INTEGER NOT NULL, arm TEXT NOT NULL, replicate INTEGER NOT NULL, iteration INTEGER NOT NULL,
            persona TEXT NOT NULL, kind TEXT NOT NULL, annotations INTEGER NOT NULL, seconds REAL NOT NULL,
            judged INTEGER NOT NULL, agreed INTEGER NOT NULL,
            PRIMARY KEY (run_id, arm, replicate, iteration, persona, kind));
        ALTER TABLE runs ADD COLUMN persona_activity INTEGER NOT NULL DEFAULT 0;
        UPDATE meta SET value = '4' WHERE key = 'schema_version';
        """,
        5: """
        UPDATE meta SET value = '5' WHERE key = 'schema_version';
        """
    ]

    /// The log text of the run's iteration 1 (any lines: the store keeps them as bytes).
    static let logText = "{\"type\":\"exposure\"}\n{\"type\":\"annotation\"}\n"

    /// Writes a version-`version` store at `path`, schema only when `empty`, with `sweep_cells`
    /// when `sweep` (a store some sweep had written into).
    static func create(at path: String, version: Int, sweep: Bool = false, empty: Bool = false) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: version1)
            if sweep { try db.execute(sql: sweepCells) }
            for step in 2...5 where step <= version { try db.execute(sql: upgrades[step]!) }
            guard !empty else { return }
            try db.execute(
                sql: """
                    INSERT INTO runs (id, name, scenario, scenario_hash, seed, flywheel_version, status) VALUES (1, 'r', '{}', 'h', 7, '0.1.0', 'complete');
                    INSERT INTO jobs (run_id, arm, replicate, status) VALUES (1, 'aitl', 0, 'complete');
                    INSERT INTO iterations VALUES (1, 'aitl', 0, 0, '2026-01-01T00:00:00Z', 0, 0), (1, 'aitl', 0, 1, '2026-01-08T00:00:00Z', 1, 1);
                    INSERT INTO metrics VALUES (1, 'aitl', 0, 0, 'recall@75', 0.5), (1, 'aitl', 0, 1, 'recall@75', 0.625);
                    INSERT INTO annotations VALUES
                        (1, 'aitl', 0, 1, 'relevance', 't1', 'a', 'x', 'not_relevant', NULL),
                        (1, 'aitl', 0, 1, 'preference', 't1', 'a', NULL, 'both_bad', 'clearly');
                    INSERT INTO model_versions VALUES (1, 'aitl', 0, 1, 'retriever', 1, 1, 12);
                    INSERT INTO kb_events VALUES (1, 'aitl', 0, 1, '2026-01-05T00:00:00Z', 'x', 'gap_opened', 1);
                    """)
            if sweep {
                try db.execute(sql: "INSERT INTO sweep_cells VALUES ('s', 0, 'h', 1, '{\"seed\":7}')")
            }
            if version >= 2 {
                try db.execute(
                    sql: "UPDATE runs SET run_key = 'k', run_key_parts = '{}'; UPDATE jobs SET iterations_expected = 2")
            }
            if version >= 3 {
                try db.execute(
                    sql: "INSERT INTO annotation_log VALUES (1, 'aitl', 0, 1, 2, ?)",
                    arguments: [Data(ZstdBlob.compress(Array(logText.utf8)))])
            }
            if version >= 4 {
                try db.execute(
                    sql: """
                        UPDATE runs SET persona_activity = 1;
                        INSERT INTO persona_activity VALUES (1, 'aitl', 0, 1, 'rushed', 'relevance', 1, 4.5, 1, 1);
                        """)
            }
        }
    }

    /// Each table's columns (name, type, not null, default, key position) and each index's
    /// columns, by name: the shape two stores must share.
    static func shape(_ db: Database, skipping: Set<String> = ["grdb_migrations"]) throws -> [String: [String]] {
        var shape: [String: [String]] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        where !skipping.contains(table) {
            shape[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map {
                "\($0["name"] as String) \($0["type"] as String) notnull=\($0["notnull"] as Int) default=\(($0["dflt_value"] as String?) ?? "-") pk=\($0["pk"] as Int)"
            }
        }
        for index in try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        {
            shape["index " + index] = try Row.fetchAll(db, sql: "PRAGMA index_info(\(index.quotedDatabaseIdentifier))")
                .map { $0["name"] as String }
        }
        return shape
    }
}
