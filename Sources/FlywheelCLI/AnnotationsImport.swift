import ArgumentParser
import Corpora
import FlywheelCore

/// `flywheel annotations import`: a JSONL or CSV export with a field mapping → an annotation log.
struct AnnotationsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a JSONL or CSV feedback export into an annotation log, with a field mapping.",
        discussion: """
            Each log key is read from the input field of the same name unless --map KEY=FIELD \
            names another (dotted paths reach into JSON objects: meta.agent) or --set KEY=VALUE \
            fixes it for every record. Input fields no key names are ignored. Log keys: \
            \(AnnotationImporter.logKeys.joined(separator: ", ")). In CSV, `shown` may list \
            article ids separated by spaces, commas, semicolons or bars, and replies are text.

            Every record must make a valid log line; the first that does not is reported with \
            the input file, line and field (exit 2), and nothing is written. With --corpus, \
            tickets and articles must exist in that corpus.

            Example:
              flywheel annotations import --input marks.csv --set kind=relevance \\
                  --map ticket=case_id --map article=kb_id --map relevant=helpful --out logs/marks.jsonl
            """
    )

    @Option(help: "The JSONL (plain or .zst) or CSV file to import.")
    var input: String
    @Option(help: "Input format: jsonl or csv (default: from the file name).")
    var format: String?
    @Option(help: "KEY=FIELD: read log key KEY from input field FIELD (repeatable).")
    var map: [String] = []
    @Option(name: .customLong("set"), help: "KEY=VALUE: set log key KEY to VALUE in every record (repeatable).")
    var constants: [String] = []
    @Option(help: "A corpus folder whose tickets and articles every line must name.")
    var corpus: String?
    @Option(help: "The annotation log to write (JSONL).")
    var out: String

    func run() async throws {
        var format: AnnotationImporter.Format?
        if let f = self.format {
            guard let parsed = AnnotationImporter.Format(rawValue: f) else {
                throw InputError(
                    field: "--format",
                    "unknown format \"\(f)\"; expected one of \(AnnotationImporter.Format.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            format = parsed
        }
        var importer = AnnotationImporter(input: input, format: format)
        for (key, value) in try pairs(map, option: "--map") { importer.mapping[key] = FieldPath(value) }
        for (key, value) in try pairs(constants, option: "--set") { importer.constants[key] = value }
        if let corpus { importer.corpusIDs = try CorpusIDs.read(corpus) }
        let entries = try importer.entries()
        try writeAtomically(entries.map { $0.jsonLine + "\n" }.joined(), to: out)
        let annotations = entries.filter { if case .annotation = $0 { true } else { false } }.count
        print("imported \(annotations) annotations and \(entries.count - annotations) exposures into \(out)")
    }

    func pairs(_ items: [String], option: String) throws -> [(String, String)] {
        try items.map { item in
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw InputError(field: option, "expected KEY=VALUE, got \"\(item)\"")
            }
            return (String(item[..<eq]), String(item[item.index(after: eq)...]))
        }
    }
}

/// A corpus' ticket and article ids, for checking what a log refers to.
enum CorpusIDs {
    static func read(_ directory: String) throws -> (Set<TicketID>, Set<ArticleID>) {
        let reader = try CorpusReader(directory: directory, verifyChecksums: false)
        var tickets = Set<TicketID>()
        var stream = try reader.tickets()
        while let r = try stream.next() { tickets.insert(r.ticket.id) }
        return (tickets, Set(try reader.articles().map(\.id)))
    }
}
