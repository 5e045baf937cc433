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
        try store.queue.writeWithoutTransaction { db in
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 1)")
        }
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
        let error = try #require(throws: InputError.self) {
            try store.write(StoreFixture.record(job, 0, last: 2), run: run)
        }
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
}
