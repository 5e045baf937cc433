import FlywheelCore
import Foundation
import Testing

@testable import Store

/// Disk full, read-only and other storage failures are one ``InputError`` naming the store (the
/// CLI prints one line and exits 2), never SQLite's raw text.
@Suite struct StorageErrorTests {
    @Test func aFullDiskIsOneLineNamingTheStore() throws {
        let f = try StoreFixture("full")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store(iterations: 1000)
        // SQLite reports SQLITE_FULL, as on a full disk, once the file may not grow further.
        let pages = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.queue.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 1)") }
        let error = try #require(throws: InputError.self) {
            for i in 0..<1000 { try store.write(StoreFixture.record(job, i, last: 999, annotations: 50), run: run) }
        }
        #expect(error.file == f.path)
        #expect(error.message.hasPrefix("cannot write the results store: the disk is full"))
        #expect(error.message.contains("--resume"))
        #expect(!error.description.contains("\n"))
    }

    @Test func aReadOnlyStoreIsOneLineNamingTheStore() throws {
        let f = try StoreFixture("readonly")
        defer { f.cleanUp() }
        let (store, run, job) = try f.store()
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = ON") }
        let error = try #require(throws: InputError.self) { try store.write(StoreFixture.record(job, 0, last: 2), run: run) }
        #expect(error.file == f.path)
        #expect(error.message.hasPrefix("cannot write the results store: it is read-only"))
    }

    @Test func aFileThatIsNotAStoreIsOneLineNamingIt() throws {
        let f = try StoreFixture("garbage")
        defer { f.cleanUp() }
        try String(repeating: "not sqlite ", count: 200).write(toFile: f.path, atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try ResultsStore(path: f.path) }
        #expect(error.file == f.path)
        #expect(error.message.contains("not a SQLite database"))
    }

    @Test func aStoreOfAnOlderSchemaIsUpgradedKeepingItsRuns() throws {
        let f = try StoreFixture("v1")
        defer { f.cleanUp() }
        let (store, _, _) = try f.store()
        // Back to version 1's shape: no run key columns.
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                ALTER TABLE runs DROP COLUMN run_key; ALTER TABLE runs DROP COLUMN run_key_parts;
                ALTER TABLE jobs DROP COLUMN iterations_expected; DROP TABLE annotation_log;
                DROP TABLE persona_activity; ALTER TABLE runs DROP COLUMN persona_activity;
                UPDATE meta SET value = '1' WHERE key = 'schema_version';
                """)
        }
        let reopened = try ResultsStore(path: f.path)
        let runs = try reopened.runs()
        #expect(runs.map(\.name) == ["r"])
        #expect(runs.first?.runKey == nil)
        #expect(try reopened.queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") } == "4")
        #expect(try reopened.queue.read { db in try db.tableExists("annotation_log") && db.tableExists("persona_activity") })
        // A run stored before schema 4 did not count its personas as it went: its report re-reads the logs.
        #expect(try reopened.storesPersonaActivity(run: runs[0].id) == false)
    }
}
