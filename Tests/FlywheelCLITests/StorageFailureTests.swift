import Foundation
import Testing
import FlywheelTestSupport

@testable import FlywheelCLI

/// Storage failures while writing results or corpora — a folder that cannot be created, a full
/// disk, a read-only file system — are one line naming the path, with exit 2. The disk-full and
/// read-only cases mount a small tmpfs in a user namespace (`unshare -rm`) and are skipped where
/// that is not allowed.
@Suite(.serialized) struct StorageFailureTests {
    static let canMount: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d && rmdir $d"
        return (try? ProcessRunner.run("/usr/bin/unshare", ["-rm", "sh", "-c", probe]))?.status == 0
    }()

    /// Runs `script` in a user and mount namespace with `$M` a tmpfs of `size` at `mount`, and
    /// `$FLYWHEEL` the binary; (status, stdout, stderr).
    static func inSmallDisk(_ mount: String, size: String, _ script: String) throws -> ProcessRunner.Output {
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let binary = try #require(BuiltExecutable.flywheel)
        let command = "mount -t tmpfs -o size=\(size) tmpfs \"$M\" && " + script
        return try ProcessRunner.run(
            "/usr/bin/unshare", ["-rm", "sh", "-c", command], environment: ["M": mount, "FLYWHEEL": binary])
    }

    @Test func aResultsFolderThatCannotBeCreatedIsOneLineExitTwo() throws {
        let f = try ReliabilityFixture("storage-folder")
        defer { f.cleanUp() }
        try "in the way".write(toFile: f.directory + "/file", atomically: true, encoding: .utf8)
        let out = f.directory + "/file/results"
        let (status, _, stderr) = try CLIFixture.run(["run", try f.scenario(), "--quiet", "--out", out])
        #expect(status == 2)
        #expect(
            ReliabilityFixture.lines(stderr) == [
                "error: \(out): cannot create the results folder: \(f.directory)/file: a file is in the way"
            ])
    }

    @Test func aCorpusFolderThatCannotBeCreatedIsOneLineExitTwo() throws {
        let f = try ReliabilityFixture("storage-corpus")
        defer { f.cleanUp() }
        try "in the way".write(toFile: f.directory + "/file", atomically: true, encoding: .utf8)
        let out = f.directory + "/file/corpus"
        let (status, _, stderr) = try CLIFixture.run([
            "corpus", "generate", "--seed", "1", "--articles", "30", "--tickets", "50", "--weeks", "1", "--out", out
        ])
        #expect(status == 2)
        let lines = ReliabilityFixture.lines(stderr)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error: \(out): cannot create the parent folder \(f.directory)/file") == true)
    }

    @Test(.enabled(if: canMount)) func aFullDiskWhileRunningIsOneLineExitTwo() throws {
        let f = try ReliabilityFixture("storage-full")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let mount = f.directory + "/disk"
        let (status, _, stderr) = try Self.inSmallDisk(
            mount, size: "256k", "exec \"$FLYWHEEL\" run \(scenario) --quiet --out \"$M/results\"")
        #expect(status == 2, "\(stderr)")
        let lines = ReliabilityFixture.lines(stderr)
        #expect(lines.count == 1, "\(stderr)")
        #expect(lines.first?.hasPrefix("error: \(mount)/results/") == true, "\(stderr)")
        #expect(
            lines.first.map { $0.contains("disk is full") || $0.contains("No space left on device") } == true,
            "\(stderr)")
    }

    @Test(.enabled(if: canMount)) func aReadOnlyFileSystemIsOneLineExitTwo() throws {
        let f = try ReliabilityFixture("storage-readonly")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let mount = f.directory + "/disk"
        let (status, _, stderr) = try Self.inSmallDisk(
            mount, size: "1m",
            "mount -o remount,ro \"$M\" && exec \"$FLYWHEEL\" run \(scenario) --quiet --out \"$M/results\"")
        #expect(status == 2, "\(stderr)")
        #expect(
            ReliabilityFixture.lines(stderr) == [
                "error: \(mount)/results: cannot create the results folder: \(mount)/results: Read-only file system"
            ])
    }

    @Test(.enabled(if: canMount)) func finishedResultsCanBeReportedFromAReadOnlyFileSystem() throws {
        let f = try ReliabilityFixture("storage-report-readonly")
        defer { f.cleanUp() }
        let scenario = try f.scenario()
        let mount = f.directory + "/disk"
        let script = """
            "$FLYWHEEL" run \(scenario) --quiet --no-report --out "$M/r" || exit 9
            mount -o remount,ro "$M" && exec "$FLYWHEEL" report "$M/r" --markdown
            """
        let (status, stdout, stderr) = try Self.inSmallDisk(mount, size: "8m", script)
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("aitl"), "\(stdout)")
    }

    @Test(.enabled(if: canMount)) func aGenerationThatFillsTheDiskLeavesTheExistingCorpusIntact() throws {
        let f = try ReliabilityFixture("storage-generate")
        defer { f.cleanUp() }
        let mount = f.directory + "/disk"
        // A small corpus fits; a much larger one with --force does not, and must not damage it.
        let script = """
            "$FLYWHEEL" corpus generate --seed 1 --articles 30 --tickets 60 --weeks 1 --out "$M/c" >/dev/null || exit 9
            before=$(cat "$M/c/manifest.json")
            "$FLYWHEEL" corpus generate --seed 2 --articles 300 --tickets 8000 --weeks 8 --force --out "$M/c" >/dev/null
            status=$?
            [ "$(cat "$M/c/manifest.json")" = "$before" ] && echo intact
            ls -A "$M" "$M/c"
            exit $status
            """
        let (status, stdout, stderr) = try Self.inSmallDisk(mount, size: "256k", script)
        #expect(status == 2, "\(stderr)")
        #expect(ReliabilityFixture.lines(stderr).count == 1, "\(stderr)")
        #expect(stderr.hasPrefix("error: \(mount)/c/"), "\(stderr)")
        #expect(
            stderr.contains("No space left on device") && !stderr.contains(".partial") && !stderr.contains(".staging-"),
            "\(stderr)")
        #expect(stdout.hasPrefix("intact\n"), "\(stdout)")
        #expect(!stdout.contains(".partial") && !stdout.contains(".staging-"), "\(stdout)")
        #expect(stdout.contains("articles.jsonl.zst") && stdout.contains("manifest.json"))
    }

    /// Root ignores permission bits, so this runs only as another user.
    @Test(.enabled(if: getuid() != 0)) func aFolderWithoutWritePermissionIsOneLineExitTwo() throws {
        let f = try ReliabilityFixture("storage-permission")
        defer {
            chmod(f.directory + "/locked", 0o755)
            f.cleanUp()
        }
        try FileManager.default.createDirectory(atPath: f.directory + "/locked", withIntermediateDirectories: true)
        chmod(f.directory + "/locked", 0o555)
        let out = f.directory + "/locked/results"
        let (status, _, stderr) = try CLIFixture.run(["run", try f.scenario(), "--quiet", "--out", out])
        #expect(status == 2)
        #expect(
            ReliabilityFixture.lines(stderr) == [
                "error: \(out): cannot create the results folder: \(out): Permission denied"
            ])
    }

    @Test func foundationStorageErrorsReachingMainBecomeOneLineWithThePath() throws {
        let full = StorageFailure.inputError(
            CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/r/metrics.csv"]))
        #expect(full?.description == "/r/metrics.csv: cannot write: No space left on device")
        let readOnly = StorageFailure.inputError(
            CocoaError(.fileWriteVolumeReadOnly, userInfo: [NSFilePathErrorKey: "/r"]))
        #expect(readOnly?.description == "/r: cannot write: Read-only file system")
        let denied = StorageFailure.inputError(
            NSError(
                domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                userInfo: [
                    NSFilePathErrorKey: "/r/x",
                    NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))
                ]))
        #expect(denied?.description == "/r/x: cannot write: Permission denied")
        // Anything else keeps its own handling (and exit status).
        #expect(StorageFailure.inputError(CocoaError(.fileReadCorruptFile)) == nil)
    }
}
