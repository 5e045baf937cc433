import ArgumentParser
import Corpora
import Foundation
import FlywheelCore
import Retrieval

/// `flywheel analyze`: shows exactly which terms the retriever indexes and searches for a text,
/// like a search engine's analyze endpoint.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the terms the retrieval analyzer makes of a text or of a JSONL file.",
        discussion: """
            Examples:
              flywheel analyze "My card's PIN isn't working"      → card pin work
              flywheel analyze --file tickets.jsonl --field text --json
              flywheel analyze --file articles.jsonl --field title --field body --json
              flywheel analyze --file corpora/marketplace/articles.jsonl.zst --field title --field body

            With --file (plain JSONL, or zstd-compressed when the name ends in .zst), each line \
            is a JSON object; the named fields (strings) are analyzed and \
            their terms concatenated in the order given. Output is one line per input line: the \
            "id" field (if any), a tab, the terms; with --json, {"id":…,"tokens":[…]} per line.
            """
    )

    @Argument(help: "The text to analyze (omit with --file).")
    var text: String?

    @Option(help: "A JSONL file to analyze, one object per line (zstd when it ends in .zst).")
    var file: String?

    @Option(name: .customLong("field"), help: "Field(s) of each JSONL object to analyze (default: text).")
    var fields: [String] = []

    @Flag(help: "Print JSON instead of space-separated terms.")
    var json = false

    @Flag(name: .customLong("no-stem"), help: "Turn Porter stemming off.")
    var noStem = false

    @Flag(name: .customLong("no-stop-words"), help: "Keep stop words.")
    var noStopWords = false

    func validate() throws {
        if (text == nil) == (file == nil) {
            throw ValidationError("give either a text or --file FILE")
        }
    }

    func run() throws {
        let analyzer = Analyzer(.init(stemming: !noStem, stopWords: !noStopWords))
        var out = BufferedOutput()
        // Also on bad input: the lines before it are printed, then the error (exit 2).
        defer { out.flush() }
        if let text {
            let terms = analyzer.terms(text)
            out.write(json ? Self.jsonLine(id: nil, tokens: terms) : terms.joined(separator: " "))
            out.write("\n")
        } else if let file {
            let names = fields.isEmpty ? ["text"] : fields
            try JSONLLines.forEach(in: file) { object, line in
                var terms: [String] = []
                for name in names {
                    guard let value = object[name] else { continue }
                    guard let s = value as? String else {
                        throw InputError(file: file, line: line, field: name, "expected a string")
                    }
                    terms += analyzer.terms(s)
                }
                let id = (object["id"] as? String) ?? (object["_id"] as? String)
                if json {
                    out.write(Self.jsonLine(id: id, tokens: terms))
                } else {
                    out.write((id.map { $0 + "\t" } ?? "") + terms.joined(separator: " "))
                }
                out.write("\n")
            }
        }
    }

    static func jsonLine(id: String?, tokens: [String]) -> String {
        var object: [String: Any] = ["tokens": tokens]
        if let id { object["id"] = id }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Standard output with one write per 64 KiB.
struct BufferedOutput {
    var buffer: [UInt8] = []
    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a JSONL file (plain, or zstd when it ends in `.zst`) line by line as JSON objects,
/// with errors naming file and line.
enum JSONLLines {
    static func forEach(in path: String, _ body: ([String: Any], Int) throws -> Void) throws {
        try JSONLinesFile.forEachLine(in: path) { bytes, lineNumber in
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return }
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(buffer: bytes))
            } catch {
                throw InputError(file: path, line: lineNumber, "not valid JSON")
            }
            guard let object = parsed as? [String: Any] else {
                throw InputError(file: path, line: lineNumber, "expected a JSON object")
            }
            try body(object, lineNumber)
        }
    }
}
