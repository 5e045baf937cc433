import FlywheelCore

/// Turns a team's own feedback export (JSONL or CSV) into an annotation log, field by field:
/// each log key (docs/annotations.md) is read from the input field the ``mapping`` names (by
/// default the field of the same name), or set for every record by ``constants`` (e.g. a CSV of
/// relevance marks has no kind column: `kind=relevance`). Input fields no log key names are
/// ignored; every record must then make a valid log line, else an ``InputError`` names the
/// input file, line and field.
///
/// ```swift
/// var importer = AnnotationImporter(input: "marks.csv")
/// importer.mapping["ticket"] = FieldPath("case_id")
/// importer.constants["kind"] = "relevance"
/// let entries = try importer.entries()
/// ```
public struct AnnotationImporter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case jsonl, csv
    }

    public var input: String
    public var format: Format
    public var mapping: [String: FieldPath] = [:]
    public var constants: [String: String] = [:]
    /// When set, every line must name tickets and articles of this corpus.
    public var corpusIDs: (tickets: Set<TicketID>, articles: Set<ArticleID>)?

    /// Every key any log line may have.
    public static var logKeys: [String] {
        var seen = Set<String>()
        return AnnotationLogEntry.kinds.flatMap { AnnotationLogEntry.keys[$0]! }.filter { seen.insert($0).inserted }
    }

    /// `format` defaults from the file name: `.csv` is CSV, anything else JSONL.
    public init(input: String, format: Format? = nil) {
        self.input = input
        self.format = format ?? (input.lowercased().hasSuffix(".csv") ? .csv : .jsonl)
    }

    /// Checks that every mapped or constant key is a log key.
    public func validateKeys() throws {
        for key in Set(mapping.keys).union(constants.keys).sorted() where !Self.logKeys.contains(key) {
            throw InputError(field: key, "not a log key; expected one of \(Self.logKeys.joined(separator: ", "))")
        }
    }

    /// The log entries, in input order.
    public func entries() throws -> [AnnotationLogEntry] {
        try validateKeys()
        var out: [AnnotationLogEntry] = []
        try forEachRecord { object, line in
            let e = try entry(object, line: line)
            if let ids = corpusIDs, let p = AnnotationLogReader.problem(e, tickets: ids.tickets, articles: ids.articles)
            {
                throw InputError(file: input, line: line, field: p.field, p.message)
            }
            out.append(e)
        }
        return out
    }

    func forEachRecord(_ body: (JSONValue, Int) throws -> Void) throws {
        switch format {
        case .csv:
            for (object, line) in try CSVRecords.read(input) { try body(object, line) }
        case .jsonl:
            let reader = try LineReader(path: input)
            while let object = try reader.nextObject() { try body(object, reader.lineNumber) }
        }
    }

    /// One input record as a log entry.
    func entry(_ object: JSONValue, line: Int) throws -> AnnotationLogEntry {
        func value(_ key: String) -> JSONValue? {
            if let c = constants[key] { return .string(c) }
            let v = (mapping[key] ?? FieldPath(key)).value(in: object)
            if case .string(let s)? = v, s.isEmpty { return nil }
            return v
        }
        func inputField(_ key: String?) -> String? {
            guard let key else { return nil }
            let top = String(key.prefix { $0 != "." && $0 != "[" })
            if constants[top] != nil { return "\(key) (--set \(top))" }
            if let m = mapping[top] { return "\(key) (input field \(m.description))" }
            return key
        }
        let kind = value("kind")?.textValue ?? ""
        let keys = AnnotationLogEntry.keys[kind] ?? ["kind"]
        var members: [(String, JSONValue)] = []
        for key in keys {
            guard var v = value(key) else { continue }
            if key == "shown", case .string(let s) = v {
                v = .array(s.split(whereSeparator: { " ,;|".contains($0) }).map { .string(String($0)) })
            }
            members.append((key, v))
        }
        do throws(LogFieldError) {
            return try AnnotationLogEntry(json: .object(members))
        } catch {
            throw InputError(file: input, line: line, field: inputField(error.field), error.message)
        }
    }
}
