import FlywheelCore
import WorldTruth

/// Imports any pair of JSON-lines files whose fields are named by a ``Mapping`` — the
/// "generic JSONL" path of docs/corpora.md.
///
/// ```swift
/// var m = JSONLImporter.Mapping(articles: "kb.jsonl", tickets: "tasks.jsonl")
/// m.articleBody = FieldPath("content")
/// m.ticketRelevant = FieldPath("required_documents")
/// let manifest = try JSONLImporter(mapping: m).importCorpus(into: "corpora/kb", options: options)
/// ```
///
/// `relevant` may be an array of article ids (each gets ``Mapping/defaultGrade``), one id as a
/// string, or an object `{article id: grade}`. Nuggets may be strings or `{"text","article"?}`
/// objects. Times are ISO-8601 strings or epoch seconds; tickets without a time field get
/// synthesised times in file order, tickets with one are sorted by it (stably).
public struct JSONLImporter: Sendable {
    /// Which input field holds which corpus field. Paths are dotted (`meta.title`); commas join
    /// several fields' texts with a newline (`question,answer`).
    public struct Mapping: Sendable, Hashable {
        public var articles: String
        public var tickets: String
        public var articleID = FieldPath("id")
        public var articleTitle = FieldPath("title")
        public var articleBody = FieldPath("body")
        public var articleTopic: FieldPath? = FieldPath("topic")
        public var articleCreatedAt: FieldPath? = nil
        public var articleIntroducedAt: FieldPath? = nil
        public var ticketID = FieldPath("id")
        public var ticketText = FieldPath("text")
        public var ticketCreatedAt: FieldPath? = nil
        public var ticketRelevant = FieldPath("relevant")
        public var ticketNuggets: FieldPath? = nil
        public var ticketReference: FieldPath? = nil
        public var ticketConflicting: FieldPath? = nil
        public var ticketChannel: FieldPath? = nil
        public var ticketLocale: FieldPath? = nil
        /// The grade of articles listed without one.
        public var defaultGrade = 1

        public init(articles: String, tickets: String) {
            self.articles = articles
            self.tickets = tickets
        }
    }

    public var mapping: Mapping
    public init(mapping: Mapping) { self.mapping = mapping }

    public func importCorpus(into directory: String, options: ImportOptions) throws -> Manifest {
        let m = mapping
        // Open both inputs before creating anything, so a wrong path leaves no folder behind.
        let articles = try LineReader(path: m.articles)
        let tickets = try LineReader(path: m.tickets)
        var writer = try options.makeWriter(directory: directory)
        var articleIDs: Set<ArticleID> = []
        while let obj = try articles.nextObject() {
            let (f, l) = (m.articles, articles.lineNumber)
            let id = ArticleID(try m.articleID.requiredText(in: obj, file: f, line: l))
            guard articleIDs.insert(id).inserted else {
                throw InputError(file: f, line: l, field: m.articleID.description, "duplicate article id \"\(id)\"")
            }
            try writer.write(
                Article(
                    id: id,
                    title: try m.articleTitle.optionalText(in: obj, file: f, line: l) ?? "",
                    body: try m.articleBody.requiredText(in: obj, file: f, line: l),
                    topic: try m.articleTopic?.optionalText(in: obj, file: f, line: l),
                    createdAt: try m.articleCreatedAt?.optionalTimestamp(in: obj, file: f, line: l),
                    introducedAt: try m.articleIntroducedAt?.optionalTimestamp(in: obj, file: f, line: l)))
        }

        var records: [TicketRecord] = []
        var seen: Set<TicketID> = []
        while let obj = try tickets.nextObject() {
            let (f, l) = (m.tickets, tickets.lineNumber)
            let id = TicketID(try m.ticketID.requiredText(in: obj, file: f, line: l))
            guard seen.insert(id).inserted else {
                throw InputError(file: f, line: l, field: m.ticketID.description, "duplicate ticket id \"\(id)\"")
            }
            var time = options.synthesisedTime(records.count)
            if let path = m.ticketCreatedAt {
                guard let t = try path.optionalTimestamp(in: obj, file: f, line: l) else {
                    throw InputError(file: f, line: l, field: path.description, "missing required field")
                }
                time = t
            }
            let relevant = try grades(obj, file: f, line: l, known: articleIDs)
            let ticket = Ticket(
                id: id, createdAt: time, text: try m.ticketText.requiredText(in: obj, file: f, line: l),
                channel: try m.ticketChannel?.optionalText(in: obj, file: f, line: l),
                locale: try m.ticketLocale?.optionalText(in: obj, file: f, line: l))
            let truth = TicketTruth(
                ticket: id, relevant: relevant,
                nuggets: try nuggets(obj, file: f, line: l, known: articleIDs),
                referenceResponse: try m.ticketReference?.optionalText(in: obj, file: f, line: l),
                conflicting: try idList(m.ticketConflicting, obj, file: f, line: l, known: articleIDs))
            records.append(TicketRecord(ticket: ticket, truth: truth))
        }
        if m.ticketCreatedAt != nil { records = records.stableSorted { $0.ticket.createdAt < $1.ticket.createdAt } }
        for r in records { try writer.write(r) }
        return try writer.finish()
    }

    func grades(_ obj: JSONValue, file: String, line: Int, known: Set<ArticleID>) throws -> [ArticleID: Int] {
        let path = mapping.ticketRelevant
        guard let v = path.value(in: obj) else {
            throw InputError(file: file, line: line, field: path.description, "missing required field")
        }
        var out: [ArticleID: Int] = [:]
        func add(_ id: String, _ grade: Int, _ field: String) throws {
            let a = ArticleID(id)
            guard known.contains(a) else {
                throw InputError(
                    file: file, line: line, field: field, "unknown article \"\(id)\" (not in \(mapping.articles))")
            }
            out[a] = grade
        }
        switch v {
        case .object(let members):
            for (k, g) in members {
                guard case .number(let d) = g, let grade = Int(exactly: d) else {
                    throw InputError(
                        file: file, line: line, field: "\(path).\(k)", "expected an integer grade, found \(g.typeName)")
                }
                try add(k, grade, "\(path).\(k)")
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                guard let id = item.textValue else {
                    throw InputError(
                        file: file, line: line, field: "\(path)[\(i)]", "expected an article id, found \(item.typeName)"
                    )
                }
                try add(id, mapping.defaultGrade, "\(path)[\(i)]")
            }
        default:
            guard let id = v.textValue else {
                throw InputError(
                    file: file, line: line, field: path.description, "expected article ids, found \(v.typeName)")
            }
            try add(id, mapping.defaultGrade, path.description)
        }
        return out
    }

    func nuggets(_ obj: JSONValue, file: String, line: Int, known: Set<ArticleID>) throws -> [Nugget] {
        guard let path = mapping.ticketNuggets, let v = path.value(in: obj) else { return [] }
        guard case .array(let items) = v else {
            throw InputError(file: file, line: line, field: path.description, "expected an array, found \(v.typeName)")
        }
        return try items.enumerated().map { i, item in
            if case .string(let s) = item { return Nugget(text: s) }
            guard case .string(let text)? = item["text"] else {
                throw InputError(file: file, line: line, field: "\(path)[\(i)].text", "missing required field")
            }
            let article = item["article"]?.textValue.map { ArticleID($0) }
            if let article, !known.contains(article) {
                throw InputError(
                    file: file, line: line, field: "\(path)[\(i)].article", "unknown article \"\(article)\"")
            }
            return Nugget(text: text, article: article)
        }
    }

    func idList(_ path: FieldPath?, _ obj: JSONValue, file: String, line: Int, known: Set<ArticleID>) throws
        -> [ArticleID]
    {
        guard let path, let v = path.value(in: obj) else { return [] }
        guard case .array(let items) = v else {
            throw InputError(
                file: file, line: line, field: path.description, "expected an array of article ids, found \(v.typeName)"
            )
        }
        return try items.enumerated().map { i, item in
            guard let id = item.textValue, known.contains(ArticleID(id)) else {
                throw InputError(file: file, line: line, field: "\(path)[\(i)]", "unknown or malformed article id")
            }
            return ArticleID(id)
        }
    }
}
