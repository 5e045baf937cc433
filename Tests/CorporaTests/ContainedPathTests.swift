import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// A manifest may only name regular files inside its corpus folder: `..`, absolute paths,
/// symbolic links leading out, folders and FIFOs are refused with the manifest's key path, and
/// nothing outside is opened, hashed or printed.
@Suite struct ContainedPathTests {
    /// A good corpus whose manifest also lists `name` (with a made-up checksum).
    func corpusListing(_ name: String, in dir: TemporaryFolder) throws {
        try BadCorpus.make(dir)
        let path = dir.file(Manifest.fileName)
        var manifest = try Manifest.read(path: path)
        manifest.files[name] = Manifest.FileEntry(sha256: String(repeating: "0", count: 64), bytes: 1)
        try manifest.encoded().write(to: URL(fileURLWithPath: path))
    }

    /// A file outside the corpus whose checksum must never appear in an error.
    func outsideFile() throws -> (path: String, sha256: String) {
        let path = NSTemporaryDirectory() + "flywheel-outside-\(UUID().uuidString).txt"
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: path))
        return (path, try CorpusReader.fileDigest(path: path).1)
    }

    @Test(arguments: ["../outside.txt", "a/../../outside.txt", "/etc/hostname", ""])
    func namesThatLeaveTheFolderAreRefused(name: String) throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try corpusListing(name, in: dir)
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.file == dir.file(Manifest.fileName))
        #expect(e.field == "files.\(name)")
        #expect(e.message.contains("is not a file name inside"))
        #expect(throws: InputError.self) { try CorpusReader(directory: dir.path) }
    }

    @Test func aSymbolicLinkLeadingOutIsRefusedWithoutHashingItsTarget() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let outside = try outsideFile()
        defer { try? FileManager.default.removeItem(atPath: outside.path) }
        try corpusListing("notes.txt", in: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.file("notes.txt"), withDestinationPath: outside.path)
        let e = try BadCorpus.firstIssue(dir)
        #expect(e.field == "files.notes.txt")
        #expect(e.message.contains("leads outside"))
        #expect(!e.description.contains(outside.sha256))
        do {
            _ = try CorpusReader(directory: dir.path)
            Issue.record("expected the reader to refuse the manifest")
        } catch let e as InputError {
            #expect(!e.description.contains(outside.sha256))
        }
    }

    @Test func aSymbolicLinkInsideTheFolderIsFine() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try BadCorpus.make(dir)
        try FileManager.default.createDirectory(atPath: dir.file("data"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: dir.file(CorpusFile.tickets.fileName), toPath: dir.file("data/t.zst"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.file(CorpusFile.tickets.fileName), withDestinationPath: "data/t.zst")
        #expect(CorpusValidator(directory: dir.path).validate().issues == [])
    }

    @Test func aFolderOrAFIFOIsNotARegularFile() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        try corpusListing("sub", in: dir)
        try FileManager.default.createDirectory(atPath: dir.file("sub"), withIntermediateDirectories: true)
        #expect(try BadCorpus.firstIssue(dir).message == "'sub' is not a regular file")

        try FileManager.default.removeItem(atPath: dir.file("sub"))
        #expect(mkfifo(dir.file("sub"), 0o600) == 0)
        // Opening a FIFO for reading would block for ever; it is refused before that.
        #expect(try BadCorpus.firstIssue(dir).message == "'sub' is not a regular file")
    }

    @Test func plainNames() {
        #expect(ContainedPath.isPlainName("careful-expert"))
        #expect(ContainedPath.isPlainName("été 2"))
        for bad in ["", "../x", "a/b", ".hidden", "x\u{0}", "tab\there"] {
            #expect(!ContainedPath.isPlainName(bad), "\(bad)")
        }
    }
}
