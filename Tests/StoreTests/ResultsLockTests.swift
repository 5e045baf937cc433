import FlywheelCore
import Foundation
import Testing

@testable import Store

/// One writer per results folder: the lock file holds the writer's pid and command line, and a
/// second writer is refused at once with one line naming them.
@Suite struct ResultsLockTests {
    @Test func aSecondWriterIsRefusedNamingTheHoldersPidAndCommand() throws {
        let f = try StoreFixture("lock")
        defer { f.cleanUp() }
        let held = try ResultsLock(directory: f.folder, command: "flywheel run scenarios/a.yaml --jobs 2")
        let contents = try String(contentsOfFile: f.folder + "/.lock", encoding: .utf8)
        #expect(contents == "pid \(getpid()) flywheel run scenarios/a.yaml --jobs 2\n")

        let error = try #require(throws: InputError.self) {
            try ResultsLock(directory: f.folder, command: "flywheel check b.yaml")
        }
        #expect(error.file == f.folder)
        #expect(
            error.message
                == "another flywheel is writing this results folder (pid \(getpid()): flywheel run scenarios/a.yaml --jobs 2); wait for it to finish or stop it"
        )
        #expect(!error.description.contains("\n"))
        held.release()
    }

    @Test func aReleasedLockCanBeTakenAgain() throws {
        let f = try StoreFixture("relock")
        defer { f.cleanUp() }
        try ResultsLock(directory: f.folder, command: "first").release()
        // The file stays behind (empty); it is the flock, not the file, that excludes.
        #expect(FileManager.default.fileExists(atPath: f.folder + "/.lock"))
        let second = try ResultsLock(directory: f.folder, command: "second")
        #expect(try String(contentsOfFile: f.folder + "/.lock", encoding: .utf8) == "pid \(getpid()) second\n")
        second.release()
    }

    @Test func differentLockFilesInOneFolderDoNotExcludeEachOther() throws {
        let f = try StoreFixture("shards")
        defer { f.cleanUp() }
        let a = try ResultsLock(directory: f.folder, name: ".lock-shard-0-of-2", command: "shard 0")
        let b = try ResultsLock(directory: f.folder, name: ".lock-shard-1-of-2", command: "shard 1")
        a.release()
        b.release()
    }

    @Test func aFolderThatDoesNotExistIsOneLineNamingTheLockFile() throws {
        let f = try StoreFixture("nofolder")
        defer { f.cleanUp() }
        let error = try #require(throws: InputError.self) {
            try ResultsLock(directory: f.folder + "/missing", command: "x")
        }
        #expect(error.file == f.folder + "/missing/.lock")
        #expect(error.message.hasPrefix("cannot create the lock file: "))
    }
}
