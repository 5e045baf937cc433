import FlywheelCore
import Foundation
import WorldTruth

/// Writes a corpus folder (docs/corpora.md): articles, tickets in time order, optional annotations,
/// then `manifest.json` with each file's size and SHA-256.
///
/// Each file is compressed on a thread of its own while the caller makes the next records
/// (``ZstdFileWriter``, `background`), with the same bytes as compressing inline.
/// Files are streamed through zstd into `<name>.partial` and renamed only by ``finish()``; the
/// manifest is written last (and any old manifest is removed first), so an interrupted write never
/// leaves a folder that looks complete. The same values in the same order give identical bytes.
///
/// ```swift
/// var writer = try CorpusWriter(directory: "corpora/demo", name: "demo", source: "hand-made",
///                               license: "CC0-1.0", command: "flywheel corpus import …")
/// try writer.write(article)
/// try writer.write(ticketRecord)      // in created_at order
/// let manifest = try writer.finish()
/// ```
public struct CorpusWriter {
    public let directory: String
    private let name: String, source: String, license: String, command: String
    private let level: Int32
    private var articlesOut: ZstdFileWriter
    private var ticketsOut: ZstdFileWriter
    private var annotationsOut: ZstdFileWriter?
    private var counts = Manifest.Counts(articles: 0, tickets: 0)
    private var lastTicketTime: Timestamp?
    private var line: [UInt8] = []
    private var finished = false

    /// Creates `directory` if needed. `compressionLevel` is zstd's (1–19); see ``defaultCompressionLevel``.
    public init(
        directory: String, name: String, source: String, license: String, command: String,
        compressionLevel: Int = CorpusWriter.defaultCompressionLevel
    ) throws {
        self.directory = directory
        self.name = name
        self.source = source
        self.license = license
        self.command = command
        self.level = Int32(clamping: compressionLevel)
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: directory, "cannot create the corpus folder: \(error.localizedDescription)")
        }
        let manifestPath = directory.appendingPathComponent(Manifest.fileName)
        if fm.fileExists(atPath: manifestPath) { try? fm.removeItem(atPath: manifestPath) }
        articlesOut = try ZstdFileWriter(
            path: CorpusWriter.partialPath(directory, .articles), level: level, background: true)
        ticketsOut = try ZstdFileWriter(
            path: CorpusWriter.partialPath(directory, .tickets), level: level, background: true)
        line.reserveCapacity(4096)
    }

    /// zstd level 12: the 40k-ticket corpus compresses to a few MB in a few seconds.
    public static let defaultCompressionLevel = Int(ZstdFileWriter.defaultLevel)

    static func partialPath(_ directory: String, _ file: CorpusFile) -> String {
        directory.appendingPathComponent(file.fileName + ".partial")
    }

    public mutating func write(_ article: Article) throws {
        line.removeAll(keepingCapacity: true)
        article.appendJSONLine(to: &line)
        line.append(0x0A)
        try articlesOut.write(line)
        counts.articles += 1
    }

    /// Appends a ticket; tickets must come in non-decreasing `created_at` order.
    public mutating func write(_ record: TicketRecord) throws {
        if let last = lastTicketTime, record.ticket.createdAt < last {
            throw InputError(
                file: directory.appendingPathComponent(CorpusFile.tickets.fileName), line: counts.tickets + 1,
                field: "created_at",
                "ticket \(record.ticket.id) at \(record.ticket.createdAt) is earlier than the ticket before it (\(last)); tickets must be written in time order"
            )
        }
        lastTicketTime = record.ticket.createdAt
        // The articles usually all come first: end their frame, freeing its zstd context (52 MB
        // at level 12) for the rest of the write. An article written later starts a second frame.
        if counts.tickets == 0 { try articlesOut.endFrame() }
        line.removeAll(keepingCapacity: true)
        record.appendJSONLine(to: &line)
        line.append(0x0A)
        try ticketsOut.write(line)
        counts.tickets += 1
    }

    public mutating func write(_ annotation: Annotation) throws {
        if annotationsOut == nil {
            annotationsOut = try ZstdFileWriter(
                path: CorpusWriter.partialPath(directory, .annotations), level: level, background: true)
            counts.annotations = 0
        }
        line.removeAll(keepingCapacity: true)
        annotation.appendJSONLine(to: &line)
        line.append(0x0A)
        try annotationsOut!.write(line)
        counts.annotations! += 1
    }

    /// Closes the files, moves them into place and writes `manifest.json` last.
    public mutating func finish() throws -> Manifest {
        precondition(!finished, "CorpusWriter.finish() called twice")
        finished = true
        var files: [String: Manifest.FileEntry] = [:]
        var outputs: [(CorpusFile, ZstdFileWriter)] = [(.articles, articlesOut), (.tickets, ticketsOut)]
        if let annotationsOut { outputs.append((.annotations, annotationsOut)) }
        for (file, out) in outputs {
            let (bytes, sha) = try out.finish()
            files[file.fileName] = Manifest.FileEntry(sha256: sha, bytes: bytes)
        }
        let fm = FileManager.default
        for (file, _) in outputs {
            try CorpusWriter.moveIntoPlace(
                CorpusWriter.partialPath(directory, file), directory.appendingPathComponent(file.fileName))
        }
        if annotationsOut == nil {
            try? fm.removeItem(atPath: directory.appendingPathComponent(CorpusFile.annotations.fileName))
        }
        let manifest = Manifest(
            name: name, counts: counts, files: files, source: source, license: license, command: command)
        let partial = directory.appendingPathComponent(Manifest.fileName + ".partial")
        guard fm.createFile(atPath: partial, contents: try manifest.encoded()) else {
            throw InputError(file: partial, "cannot write the manifest")
        }
        try CorpusWriter.moveIntoPlace(partial, directory.appendingPathComponent(Manifest.fileName))
        return manifest
    }

    static func moveIntoPlace(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else {
            throw InputError(file: to, "cannot rename \(from): \(String(cString: strerror(errno)))")
        }
    }
}
