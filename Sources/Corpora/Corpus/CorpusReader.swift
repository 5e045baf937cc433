import FlywheelCore
import Foundation
import WorldTruth

/// Reads a corpus folder written by ``CorpusWriter`` or an importer.
///
/// `init` reads `manifest.json` and (by default) checks every listed file's size and SHA-256.
/// Articles are read whole (a knowledge base fits in memory); tickets and annotations stream
/// line by line, so a ticket log larger than memory can be replayed in time order.
///
/// ```swift
/// let corpus = try CorpusReader(directory: "corpora/marketplace")
/// let kb = try corpus.articles()
/// var stream = try corpus.tickets()
/// while let record = try stream.next() { serve(record.ticket) }
/// ```
public struct CorpusReader: Sendable {
    public let directory: String
    public var manifest: Manifest

    public init(directory: String, verifyChecksums: Bool = true) throws {
        self.directory = directory
        manifest = try Manifest.read(path: directory.appendingPathComponent(Manifest.fileName))
        let manifestPath = directory.appendingPathComponent(Manifest.fileName)
        for file in [CorpusFile.articles, .tickets] where manifest.files[file.fileName] == nil {
            throw InputError(file: manifestPath, field: "files.\(file.fileName)", "missing required field")
        }
        for name in manifest.files.keys.sorted() {
            let path = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(file: path, "listed in \(manifestPath) but missing")
            }
            if verifyChecksums {
                try CorpusReader.verify(
                    path: path, against: manifest.files[name]!, manifestPath: manifestPath, name: name)
            }
        }
    }

    /// Checks size and SHA-256 of one file against its manifest entry.
    static func verify(path: String, against entry: Manifest.FileEntry, manifestPath: String, name: String) throws {
        let (bytes, sha) = try fileDigest(path: path)
        if bytes != entry.bytes {
            throw InputError(
                file: path, field: "bytes",
                "size mismatch: \(manifestPath) says \(entry.bytes) bytes, the file has \(bytes) (files.\(name).bytes)")
        }
        if sha != entry.sha256 {
            throw InputError(
                file: path, field: "sha256",
                "checksum mismatch: \(manifestPath) says \(entry.sha256), the file hashes to \(sha) (files.\(name).sha256)"
            )
        }
    }

    /// Size and hex SHA-256 of a file, read in chunks.
    static func fileDigest(path: String) throws -> (Int, String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(file: path, "cannot open") }
        defer { try? handle.close() }
        var hash = SHA256()
        var total = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            total += chunk.count
            chunk.withUnsafeBytes { hash.update($0) }
        }
        return (total, hash.finalizeHex())
    }

    func path(_ file: CorpusFile) -> String { directory.appendingPathComponent(file.fileName) }

    /// Every article, in file order.
    public func articles() throws -> [Article] {
        let reader = try LineReader(path: path(.articles))
        var out: [Article] = []
        out.reserveCapacity(manifest.counts.articles)
        while let a = try reader.nextRecord({ (c) throws(JSONSyntaxError) in try Article(jsonLine: &c) }) {
            out.append(a)
        }
        return out
    }

    /// The tickets with their truth, streamed in time order.
    public func tickets() throws -> TicketStream {
        TicketStream(reader: try LineReader(path: path(.tickets)))
    }

    /// The logged annotations, streamed; nil when the corpus has none.
    public func annotations() throws -> AnnotationStream? {
        guard manifest.files[CorpusFile.annotations.fileName] != nil else { return nil }
        return AnnotationStream(reader: try LineReader(path: path(.annotations)))
    }
}

/// Tickets of a corpus, one at a time, in `created_at` order (checked as they are read).
///
/// ```swift
/// var stream = try corpus.tickets()
/// while let record = try stream.next() { … }
/// ```
public struct TicketStream {
    let reader: LineReader
    private var last: Timestamp?

    init(reader: LineReader) { self.reader = reader }

    /// The 1-based line of the ticket `next()` returned last.
    public var lineNumber: Int { reader.lineNumber }

    public mutating func next() throws -> TicketRecord? {
        guard let r = try reader.nextRecord({ (c) throws(JSONSyntaxError) in try TicketRecord(jsonLine: &c) }) else {
            return nil
        }
        if let last, r.ticket.createdAt < last {
            throw InputError(
                file: reader.path, line: reader.lineNumber, field: "created_at",
                "out of order: \(r.ticket.createdAt) is earlier than the previous ticket's \(last); tickets must be in time order"
            )
        }
        last = r.ticket.createdAt
        return r
    }
}

/// Annotations of a corpus, one at a time, in file order.
public struct AnnotationStream {
    let reader: LineReader
    init(reader: LineReader) { self.reader = reader }

    public var lineNumber: Int { reader.lineNumber }

    public mutating func next() throws -> Annotation? {
        try reader.nextRecord { (c) throws(JSONSyntaxError) in try Annotation(jsonLine: &c) }
    }
}
