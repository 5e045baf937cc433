import Foundation

@testable import Corpora
import Evaluation
import FlywheelCore
@testable import Scenarios
import World
import WorldTruth

/// The libFuzzer targets (`make fuzz`, docs/reliability.md): each feeds one reader arbitrary
/// bytes. A target passes an input when the reader returns or throws — a crash, a trap, a
/// hang (libFuzzer's `-timeout`) or an out-of-memory (`-rss_limit_mb`) is a finding.
///
/// One binary serves every target; `FLYWHEEL_FUZZ_TARGET` picks one (scripts/fuzz.sh sets it).
enum FuzzTarget: String, CaseIterable {
    /// One JSON line as an article, a ticket and an annotation (the corpus line decoders).
    case jsonLines = "json-lines"
    /// A whole corpus folder — manifest, articles, tickets — through `corpus validate`'s checks
    /// and the reader `run` uses; the input's parts are zstd-compressed or raw.
    case corpus
    /// Scenario YAML through the loader (bounds, syntax, schema, references).
    case scenario
    /// Persona YAML through the persona loader.
    case persona
    /// A BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv) through the importer.
    case beir
    /// TREC qrels and run text through their readers.
    case trec

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FLYWHEEL_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(
                Data("set FLYWHEEL_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(64)
        }
        return target
    }()

    /// A scratch folder per process, reused by every input.
    static let scratch: String = {
        let dir = NSTemporaryDirectory() + "flywheel-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    func run(_ data: [UInt8]) {
        switch self {
        case .jsonLines: Self.jsonLines(data)
        case .corpus: Self.corpus(data)
        case .scenario: _ = try? ScenarioLoader.decode(String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
        case .persona: _ = try? Persona.load(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
        case .beir: Self.beir(data)
        case .trec: Self.trec(data)
        }
    }

    /// The parts of an input separated by a line holding only `%%`.
    static func parts(_ data: [UInt8], _ count: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < data.count {
            if out.count < count - 1, data[i...].starts(with: Array("\n%%\n".utf8)) {
                out.append(current)
                current = []
                i += 4
                continue
            }
            current.append(data[i])
            i += 1
        }
        out.append(current)
        while out.count < count { out.append([]) }
        return out
    }

    static func jsonLines(_ data: [UInt8]) {
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            Array(line).withUnsafeBufferPointer { bytes in
                var a = JSONCursor(bytes)
                _ = try? Article(jsonLine: &a)
                var t = JSONCursor(bytes)
                _ = try? TicketRecord(jsonLine: &t)
                var n = JSONCursor(bytes)
                _ = try? Annotation(jsonLine: &n)
                var v = JSONCursor(bytes)
                _ = try? v.value()
            }
        }
    }

    /// Writes `bytes` to `name` in the scratch folder: zstd-compressed when `compress`.
    static func write(_ bytes: [UInt8], to name: String, compress: Bool) -> (bytes: Int, sha256: String) {
        let path = scratch + "/" + name
        if compress, let writer = try? ZstdFileWriter(path: path, level: 1) {
            try? writer.write(bytes)
            if let done = try? writer.finish() { return done }
        }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        var hash = SHA256()
        hash.update(bytes)
        return (bytes.count, hash.finalizeHex())
    }

    static func corpus(_ data: [UInt8]) {
        // First byte: bit 0 compresses the JSON lines (else the raw bytes are taken as zstd),
        // bit 1 writes a manifest matching the files (else the input's own manifest part).
        let flags = data.first ?? 0
        let p = parts(Array(data.dropFirst()), 3)
        let articles = write(p[1], to: CorpusFile.articles.fileName, compress: flags & 1 == 0)
        let tickets = write(p[2], to: CorpusFile.tickets.fileName, compress: flags & 1 == 0)
        if flags & 2 == 0 {
            let manifest = Manifest(
                name: "fuzz", counts: .init(articles: 0, tickets: 0),
                files: [
                    CorpusFile.articles.fileName: .init(sha256: articles.sha256, bytes: articles.bytes),
                    CorpusFile.tickets.fileName: .init(sha256: tickets.sha256, bytes: tickets.bytes)
                ], source: "fuzz", license: "CC0-1.0", command: "fuzz")
            try? manifest.encoded().write(to: URL(fileURLWithPath: scratch + "/" + Manifest.fileName))
        } else {
            FileManager.default.createFile(atPath: scratch + "/" + Manifest.fileName, contents: Data(p[0]))
        }
        _ = CorpusValidator(directory: scratch).validate()
        if let reader = try? CorpusReader(directory: scratch) {
            try? reader.checkRecords()
            _ = try? reader.articles()
            if var stream = try? reader.tickets() { while (try? stream.next()) != nil {} }
        }
    }

    static func beir(_ data: [UInt8]) {
        let p = parts(data, 3)
        try? FileManager.default.createDirectory(atPath: scratch + "/beir/qrels", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: scratch + "/beir/corpus.jsonl", contents: Data(p[0]))
        FileManager.default.createFile(atPath: scratch + "/beir/queries.jsonl", contents: Data(p[1]))
        FileManager.default.createFile(atPath: scratch + "/beir/qrels/test.tsv", contents: Data(p[2]))
        let options = ImportOptions(
            name: "fuzz", source: "fuzz", license: "CC0-1.0", command: "fuzz", compressionLevel: 1)
        _ = try? BEIRImporter(folder: scratch + "/beir").importCorpus(into: scratch + "/beir-out", options: options)
    }

    static func trec(_ data: [UInt8]) {
        let p = parts(data, 2)
        _ = try? Qrels(trecText: String(decoding: p[0], as: UTF8.self), file: "fuzz.qrels")
        _ = try? Run(trecText: String(decoding: p[1], as: UTF8.self), file: "fuzz.run")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.current.run(data)
    return 0
}

/// libFuzzer's driver, for programs that have their own `main` (LLVM ≥ 11).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's entry point as `<target>_main`; this one hands the
/// command line to libFuzzer's driver.
@_cdecl("flywheel_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzOneInput(start, size) }
}
