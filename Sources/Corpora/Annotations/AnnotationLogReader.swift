import FlywheelCore

/// Reads an annotation log (JSONL, plain or `.zst`; docs/annotations.md) line by line. Every
/// problem is an ``InputError`` naming the file, the line and the key.
///
/// ```swift
/// let log = try AnnotationLogReader.read("logs/aitl.jsonl")            // for replay
/// let problems = try AnnotationLogReader.validate("logs/aitl.jsonl", against: corpus)
/// ```
public enum AnnotationLogReader {
    /// Calls `body` with each entry and its line number; stops at the first bad line.
    public static func forEachEntry(in path: String, _ body: (AnnotationLogEntry, Int) throws -> Void) throws {
        let reader = try LineReader(path: path)
        while let object = try reader.nextObject() {
            let entry: AnnotationLogEntry
            do throws(LogFieldError) {
                entry = try AnnotationLogEntry(json: object)
            } catch {
                throw InputError(file: path, line: reader.lineNumber, field: error.field, error.message)
            }
            try body(entry, reader.lineNumber)
        }
    }

    /// The whole log, indexed for replay. With `corpus` known, entries naming tickets or
    /// articles outside it are errors.
    public static func read(_ path: String, tickets: Set<TicketID>? = nil, articles: Set<ArticleID>? = nil) throws
        -> AnnotationLog
    {
        var log = AnnotationLog(source: path)
        try forEachEntry(in: path) { entry, line in
            if let problem = problem(entry, tickets: tickets, articles: articles) {
                throw InputError(file: path, line: line, field: problem.field, problem.message)
            }
            try log.add(entry, line: line)
        }
        return log
    }

    /// Every problem in the log, up to `limit`: each bad line is reported and the scan goes on
    /// (a line that is not JSON stops it). With a corpus' `tickets` and `articles`, references
    /// outside it are problems too.
    public static func validate(
        _ path: String, tickets: Set<TicketID>?, articles: Set<ArticleID>?, limit: Int = 50
    ) throws -> (entries: Int, counts: [String: Int], problems: [InputError]) {
        var problems: [InputError] = []
        var counts: [String: Int] = [:]
        var entries = 0
        var log = AnnotationLog(source: path)
        func report(_ e: InputError) { if problems.count < limit { problems.append(e) } }
        let reader = try LineReader(path: path)
        while true {
            let object: JSONValue
            do {
                guard let o = try reader.nextObject() else { break }
                object = o
            } catch let e as InputError {
                report(e)
                break
            }
            let line = reader.lineNumber
            entries += 1
            let entry: AnnotationLogEntry
            do throws(LogFieldError) {
                entry = try AnnotationLogEntry(json: object)
            } catch {
                report(InputError(file: path, line: line, field: error.field, error.message))
                continue
            }
            switch entry {
            case .exposure: counts["exposure", default: 0] += 1
            case .annotation(let a): counts[a.annotation.kind.rawValue, default: 0] += 1
            }
            if let p = problem(entry, tickets: tickets, articles: articles) {
                report(InputError(file: path, line: line, field: p.field, p.message))
            }
            do { try log.add(entry, line: line) } catch let e as InputError { report(e) }
        }
        return (entries, counts, problems)
    }

    /// A reference to a ticket or article the corpus lacks.
    static func problem(_ entry: AnnotationLogEntry, tickets: Set<TicketID>?, articles: Set<ArticleID>?)
        -> LogFieldError?
    {
        if let tickets, !tickets.contains(entry.ticket) {
            return LogFieldError(field: "ticket", "unknown ticket \"\(entry.ticket)\" (not in the corpus)")
        }
        guard let articles else { return nil }
        switch entry {
        case .exposure(let e):
            for (i, id) in e.shown.enumerated() where !articles.contains(id) {
                return LogFieldError(field: "shown[\(i)]", "unknown article \"\(id)\" (not in the corpus)")
            }
            for (key, reply) in [("reply_a", e.a), ("reply_b", e.b)] {
                for (i, s) in (reply?.sentences ?? []).enumerated() where !articles.contains(s.article) {
                    return LogFieldError(
                        field: "\(key).sentences[\(i)].article", "unknown article \"\(s.article)\" (not in the corpus)")
                }
            }
        case .annotation(let a):
            if case .relevance(let r) = a.annotation, !articles.contains(r.article) {
                return LogFieldError(field: "article", "unknown article \"\(r.article)\" (not in the corpus)")
            }
        }
        return nil
    }
}
