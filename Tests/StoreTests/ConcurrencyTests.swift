import FlywheelCore
import Foundation
import Testing

@testable import Store

/// The store is in WAL mode with a busy timeout: a reader holding a read transaction open (as
/// `flywheel report` does while it reads) never makes the writer fail with "database is locked".
@Suite struct ConcurrencyTests {
    @Test func aWrittenStoreIsInWALModeWithFullSyncUntilItsWriterFinishes() throws {
        let f = try StoreFixture("wal")
        defer { f.cleanUp() }
        let (store, _, _) = try f.store()
        func modes() throws -> (String?, Int?) {
            try store.queue.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
        }
        #expect(try modes() == ("wal", 2))  // 2: FULL
        // Done writing: back to a rollback journal, readable without a -shm file.
        store.finishWriting()
        #expect(try modes() == ("delete", 2))
    }

    @Test func aNewStoreIsMigratedInWALMode() throws {
        let f = try StoreFixture("wal-new")
        defer { f.cleanUp() }
        let store = try ResultsStore(path: f.path)
        // Set before the migrations run, so each of their commits syncs the log once.
        #expect(try store.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(
            try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
                == ResultsStore.schemaVersion)
    }

    @Test func theWriterStaysInWALModeWhileAReaderIsConnected() throws {
        let f = try StoreFixture("wal-reader")
        defer { f.cleanUp() }
        let (store, _, _) = try f.store()
        let reader = try ResultsStore(path: f.path)
        try reader.queue.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs")
            store.finishWriting()
        }
        #expect(try store.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func aWriterCommitsWhileAReaderHoldsAReadTransaction() throws {
        let f = try StoreFixture("reader")
        defer { f.cleanUp() }
        let (writer, run, job) = try f.store(iterations: 2)
        try writer.write(StoreFixture.record(job, 0, last: 1), run: run)
        let reader = try ResultsStore(path: f.path)
        let seen = try reader.queue.read { db in
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iterations") ?? -1
            // In rollback-journal mode this commit would need the reader gone: "database is locked".
            try writer.write(StoreFixture.record(job, 1, last: 1), run: run)
            try writer.finishRun(run, expecting: [job])
            let during = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iterations") ?? -1
            return (before, during)
        }
        #expect(seen == (1, 1))  // the reader keeps its snapshot
        #expect(try reader.runStatus(name: "r") == "complete")  // and sees the commit afterwards
    }

    @Test func openingAnUpToDateStoreToReadWritesNothing() throws {
        let f = try StoreFixture("readonly-open")
        defer { f.cleanUp() }
        let (writer, _, _) = try f.store()
        // The writer holds the write lock; a reader opening the store must not need it.
        try writer.queue.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('held', 'yes')")
            let reader = try ResultsStore(path: f.path)
            #expect(try reader.runs().map(\.name) == ["r"])
        }
    }
}
