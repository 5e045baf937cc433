import FlywheelCore
import Foundation
import WorldTruth

/// Checks a corpus folder end to end and lists every problem it finds (up to ``maxIssues``),
/// each an ``InputError`` naming the file, the 1-based line where there is one, and the field:
///
/// - the manifest: readable, schema version, the files it lists exist, their sizes and SHA-256
///   match, its counts match the files;
/// - every line: valid zstd, valid UTF-8, well-formed JSON, required fields present and typed;
/// - articles: unique ids;
/// - tickets: unique ids, `created_at` never decreasing, every article named in `relevant`,
///   `nuggets[].article` and `conflicting` exists;
/// - annotations: they name known tickets (and, for relevance checks, known articles).
///
/// ```swift
/// let report = CorpusValidator(directory: "corpora/marketplace").validate()
/// for issue in report.issues { print(issue) }
/// ```
public struct CorpusValidator: Sendable {
    public let directory: String
    /// Stop collecting after this many problems (the rest are usually the same mistake).
    public var maxIssues = 50

    public init(directory: String) { self.directory = directory }

    public func validate() -> ValidationReport {
        var run = ValidationRun(directory: directory, maxIssues: maxIssues)
        run.validate()
        return ValidationReport(issues: run.issues, counts: run.counted, truncated: run.truncated)
    }
}

/// What ``CorpusValidator`` found.
public struct ValidationReport: Sendable {
    /// Problems in file order; empty when the corpus is valid.
    public var issues: [InputError]
    /// What the files actually hold (as far as they could be read).
    public var counts: Manifest.Counts
    /// True when more problems existed than were listed.
    public var truncated: Bool
    public var isValid: Bool { issues.isEmpty }
}

/// The state of one validation pass.
struct ValidationRun {
    let directory: String
    let maxIssues: Int
    var issues: [InputError] = []
    var truncated = false
    var counted = Manifest.Counts(articles: 0, tickets: 0)
    var articleIDs: Set<ArticleID> = []
    var ticketIDs: Set<TicketID> = []

    init(directory: String, maxIssues: Int) {
        self.directory = directory
        self.maxIssues = maxIssues
    }

    var full: Bool { issues.count >= maxIssues }

    mutating func report(_ e: InputError) {
        if full { truncated = true } else { issues.append(e) }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name) }

    mutating func validate() {
        let manifestPath = path(Manifest.fileName)
        let manifest: Manifest
        do {
            manifest = try Manifest.read(path: manifestPath)
        } catch let e as InputError {
            return report(e)
        } catch {
            return report(InputError(file: manifestPath, "\(error)"))
        }
        for file in [CorpusFile.articles, .tickets] where manifest.files[file.fileName] == nil {
            report(InputError(file: manifestPath, field: "files.\(file.fileName)", "missing required field"))
        }
        for name in manifest.files.keys.sorted() {
            let p = path(name)
            guard FileManager.default.fileExists(atPath: p) else {
                report(InputError(file: p, "listed in \(manifestPath) (files.\(name)) but missing"))
                continue
            }
            do {
                try CorpusReader.verify(path: p, against: manifest.files[name]!, manifestPath: manifestPath, name: name)
            } catch let e as InputError {
                report(e)
            } catch {
                report(InputError(file: p, "\(error)"))
            }
        }
        checkRecords(annotations: manifest.files[CorpusFile.annotations.fileName] != nil)
        checkCounts(manifest, manifestPath)
    }

    /// The checks of every record: unique ids, known references, valid grades, time order. Both
    /// `corpus validate` and `run` (``CorpusReader/checkRecords()``) use them.
    mutating func checkRecords(annotations: Bool) {
        checkArticles()
        checkTickets()
        if annotations { checkAnnotations() }
    }

    /// Runs `body` over each decodable line of `file`, reporting undecodable lines and stopping
    /// when the byte stream itself fails.
    mutating func eachRecord<T>(
        _ file: CorpusFile, _ decode: (inout JSONCursor) throws(JSONSyntaxError) -> T,
        _ body: (inout ValidationRun, T, Int) -> Void
    ) {
        let p = path(file.fileName)
        guard FileManager.default.fileExists(atPath: p) else { return }
        let reader: LineReader
        do { reader = try LineReader(path: p) } catch let e as InputError { return report(e) } catch { return }
        while !full {
            do {
                guard let value = try reader.nextRecord(decode) else { return }
                body(&self, value, reader.lineNumber)
            } catch let e as InputError {
                report(e)
                if reader.streamError != nil { return }
            } catch {
                return report(InputError(file: p, line: reader.lineNumber, "\(error)"))
            }
        }
        truncated = true
    }

    mutating func checkArticles() {
        let file = path(CorpusFile.articles.fileName)
        var firstLine: [ArticleID: Int] = [:]
        eachRecord(.articles, { (c) throws(JSONSyntaxError) in try Article(jsonLine: &c) }) { run, article, line in
            run.counted.articles += 1
            if let first = firstLine[article.id] {
                run.report(
                    InputError(
                        file: file, line: line, field: "id",
                        "duplicate article id \"\(article.id)\" (first on line \(first))"))
            } else {
                firstLine[article.id] = line
                run.articleIDs.insert(article.id)
            }
        }
    }

    mutating func checkTickets() {
        let file = path(CorpusFile.tickets.fileName)
        var firstLine: [TicketID: Int] = [:]
        var last: Timestamp?
        eachRecord(.tickets, { (c) throws(JSONSyntaxError) in try TicketRecord(jsonLine: &c) }) { run, record, line in
            run.counted.tickets += 1
            let t = record.ticket
            if let first = firstLine[t.id] {
                run.report(
                    InputError(
                        file: file, line: line, field: "id", "duplicate ticket id \"\(t.id)\" (first on line \(first))")
                )
            } else {
                firstLine[t.id] = line
                run.ticketIDs.insert(t.id)
            }
            if let last, t.createdAt < last {
                run.report(
                    InputError(
                        file: file, line: line, field: "created_at",
                        "out of order: \(t.createdAt) is earlier than the previous ticket's \(last); tickets must be in time order"
                    ))
            }
            last = max(last ?? t.createdAt, t.createdAt)
            for (article, grade) in record.truth.relevant.sorted(by: { $0.key < $1.key }) {
                if !run.articleIDs.contains(article) {
                    run.report(
                        InputError(
                            file: file, line: line, field: "relevant.\(article)", "unknown article \"\(article)\""))
                }
                if grade < 0 {
                    run.report(
                        InputError(file: file, line: line, field: "relevant.\(article)", "grade \(grade) is negative"))
                }
            }
            for (i, nugget) in record.truth.nuggets.enumerated() {
                if let a = nugget.article, !run.articleIDs.contains(a) {
                    run.report(
                        InputError(file: file, line: line, field: "nuggets[\(i)].article", "unknown article \"\(a)\""))
                }
            }
            for (i, a) in record.truth.conflicting.enumerated() where !run.articleIDs.contains(a) {
                run.report(InputError(file: file, line: line, field: "conflicting[\(i)]", "unknown article \"\(a)\""))
            }
        }
    }

    mutating func checkAnnotations() {
        let file = path(CorpusFile.annotations.fileName)
        counted.annotations = 0
        eachRecord(.annotations, { (c) throws(JSONSyntaxError) in try Annotation(jsonLine: &c) }) {
            run, annotation, line in
            run.counted.annotations! += 1
            if !run.ticketIDs.contains(annotation.ticket) {
                run.report(
                    InputError(file: file, line: line, field: "ticket", "unknown ticket \"\(annotation.ticket)\""))
            }
            if case .relevance(let r) = annotation, !run.articleIDs.contains(r.article) {
                run.report(InputError(file: file, line: line, field: "article", "unknown article \"\(r.article)\""))
            }
        }
    }

    mutating func checkCounts(_ manifest: Manifest, _ manifestPath: String) {
        // Counts are only comparable when the files could be read to the end.
        guard issues.isEmpty else { return }
        let pairs: [(String, Int?, Int?)] = [
            ("articles", manifest.counts.articles, counted.articles),
            ("tickets", manifest.counts.tickets, counted.tickets),
            ("annotations", manifest.counts.annotations, counted.annotations)
        ]
        for (name, said, found) in pairs where said != found {
            report(
                InputError(
                    file: manifestPath, field: "counts.\(name)",
                    "the manifest says \(said.map(String.init) ?? "nothing"), the files hold \(found.map(String.init) ?? "no \(name) file")"
                ))
        }
    }
}
