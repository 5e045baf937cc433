import FlywheelCore
import Foundation
import GRDB
import Testing

@testable import Store

/// The schema is the migrations `v1`…`v5`, each as its version shipped: a store written before the
/// migrator at any version opens migrated to the current schema with its rows kept, and a store of
/// a newer schema is refused with one line naming the file and both versions.
@Suite struct SchemaMigrationTests {
    @Test func theMigrationsAreTheSchemaVersions() {
        #expect(ResultsStore.migrator.migrations == ["v1", "v2", "v3", "v4", "v5"])
        #expect(ResultsStore.schemaVersion == 5)
    }

    /// Migrating an empty file up to `vN` gives exactly version N's tables and columns as that
    /// version shipped (plus `sweep_cells`, now part of version 1).
    @Test(arguments: 1...5) func eachMigrationBuildsItsVersionAsShipped(version: Int) throws {
        let f = try StoreFixture("shape-v\(version)")
        defer { f.cleanUp() }
        try LegacyStore.create(at: f.folder + "/legacy.sqlite", version: version, sweep: true, empty: true)
        let legacy = try DatabaseQueue(path: f.folder + "/legacy.sqlite").read { try LegacyStore.shape($0) }
        let queue = try DatabaseQueue(path: f.path)
        try ResultsStore.migrator.migrate(queue, upTo: "v\(version)")
        let migrated = try queue.read { db in try LegacyStore.shape(db) }
        #expect(migrated == legacy)
        #expect(
            try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
                == "\(version)")
    }

    /// A version-N store from before the migrator, with or without `sweep_cells`: opened, it has the
    /// current schema, every migration recorded, and its run as written.
    @Test(arguments: [(1, false), (2, false), (3, true), (4, false), (4, true)])
    func anOlderStoreIsMigratedKeepingItsRows(version: Int, sweep: Bool) throws {
        let f = try StoreFixture("legacy-v\(version)")
        defer { f.cleanUp() }
        try LegacyStore.create(at: f.path, version: version, sweep: sweep)
        let store = try ResultsStore(path: f.path)

        let fresh = try ResultsStore(path: f.folder + "/fresh.sqlite")
        let current = try fresh.queue.read { db in try LegacyStore.shape(db) }
        #expect(try store.queue.read { db in try LegacyStore.shape(db) } == current)
        #expect(
            try store.queue.read { db in try ResultsStore.migrator.appliedMigrations(db) } == [
                "v1", "v2", "v3", "v4", "v5"
            ])
        #expect(
            try store.queue.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            } == "5")

        let run = try #require(try store.runs().first)
        #expect(run.name == "r" && run.status == "complete" && run.scenarioHash == "h")
        #expect(run.runKey == (version >= 2 ? "k" : nil))
        #expect(try store.metricRows(run: 1).map(\.value) == [0.5, 0.625])
        #expect(try store.iterationRows(run: 1).map(\.retrained) == [false, true])
        #expect(try store.completedJobs(run: 1) == [JobKey(arm: "aitl", replicate: 0)])
        #expect(try store.kbEvents(run: 1).map(\.event.kind) == [.gapOpened])
        #expect(
            try store.annotations(run: 1, arm: "aitl", replicate: 0, iteration: 1, tickets: 5).map(\.annotation.label)
                == [.preference(.bothBad), .relevance(relevant: false)])
        #expect(
            try store.annotationLog(run: 1, job: JobKey(arm: "aitl", replicate: 0)).text
                == (version >= 3 ? LegacyStore.logText : ""))
        // Version 4 counted personas as the run went; older runs are recounted from their logs by the report.
        #expect(try store.storesPersonaActivity(run: 1) == (version >= 4))
        #expect(try store.personaActivity(run: 1).count == (version >= 4 ? 1 : 0))
        #expect(try store.sweepCells().map(\.cell) == (sweep ? [0] : []))
        try store.recordSweepCell(sweep: "t", cell: 0, hash: "h", runID: 1, parameters: "{}")
        #expect(try store.sweepCells().map(\.sweep) == (sweep ? ["s", "t"] : ["t"]))
    }

    /// An up-to-date store is opened without writing (a reader never takes the write lock).
    @Test func aCurrentStoreOpensWithoutWriting() throws {
        let f = try StoreFixture("current")
        defer { f.cleanUp() }
        _ = try f.store()
        let before = try Data(contentsOf: URL(fileURLWithPath: f.path))
        let store = try ResultsStore(path: f.path)
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = ON") }
        _ = try ResultsStore(path: f.path).runs()
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.path)) == before)
    }

    @Test(arguments: ["meta", "grdb_migrations"]) func aNewerStoreIsRefusedNamingBothVersions(recordedIn: String) throws
    {
        let f = try StoreFixture("newer")
        defer { f.cleanUp() }
        _ = try ResultsStore(path: f.path)
        let queue = try DatabaseQueue(path: f.path)
        try queue.write { db in
            if recordedIn == "meta" {
                try db.execute(sql: "UPDATE meta SET value = '6' WHERE key = 'schema_version'")
            } else {
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v6')")
            }
        }
        try queue.close()
        let error = try #require(throws: InputError.self) { try ResultsStore(path: f.path) }
        #expect(
            error.description
                == "\(f.path): results store schema version 6 is newer than this flywheel supports (version 5); open it with a newer flywheel"
        )
    }

    @Test func aSchemaVersionThatIsNotANumberIsOneLineNamingTheKey() throws {
        let f = try StoreFixture("garbled")
        defer { f.cleanUp() }
        try LegacyStore.create(at: f.path, version: 2, empty: true)
        try DatabaseQueue(path: f.path).write { db in
            try db.execute(sql: "UPDATE meta SET value = 'two' WHERE key = 'schema_version'")
        }
        let error = try #require(throws: InputError.self) { try ResultsStore(path: f.path) }
        #expect(error.file == f.path)
        #expect(error.description.contains("meta.schema_version"))
        #expect(error.description.contains("\"two\""))
    }
}
