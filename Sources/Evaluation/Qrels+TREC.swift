import FlywheelCore

extension Qrels {
    /// Parses TREC qrels text: one judgment per line, `ticket iteration article grade`, fields
    /// separated by blanks or tabs (the iteration column is ignored, as trec_eval does). Blank lines
    /// are skipped.
    ///
    /// - Throws: ``InputError`` naming `file` and the line for a line without four fields, a grade
    ///   that is not an integer, or an article judged twice for one ticket.
    public init(trecText text: String, file: String = "<qrels>") throws {
        var judgments = [TicketID: [ArticleID: Int]]()
        try TrecText.forEachRecord(text) { line, fields in
            guard fields.count == 4 else {
                throw InputError(
                    file: file, line: line,
                    "expected 4 fields \"ticket iteration article grade\", found \(fields.count)")
            }
            guard let grade = Int(fields[3]) else {
                throw InputError(file: file, line: line, field: "grade", "\"\(fields[3])\" is not an integer")
            }
            let ticket = TicketID(fields[0])
            let article = ArticleID(fields[2])
            if judgments[ticket]?[article] != nil {
                throw InputError(
                    file: file, line: line, field: "article",
                    "\"\(article)\" is judged twice for ticket \"\(ticket)\"")
            }
            judgments[ticket, default: [:]][article] = grade
        }
        self.init(judgments)
    }

    /// Reads a TREC qrels file (see ``init(trecText:file:)``).
    public init(contentsOfTRECFile path: String) throws {
        try self.init(trecText: TrecText.read(path), file: path)
    }

    /// The judgments as TREC qrels text, `ticket 0 article grade`, sorted by ticket then article.
    ///
    /// - Throws: ``InputError`` when an id is empty or contains whitespace.
    public func trecText() throws -> String {
        var out = ""
        for ticket in tickets {
            try TrecText.checkWritable(ticket.rawValue, field: "ticket")
            for (article, grade) in judgments(for: ticket).sorted(by: { $0.key < $1.key }) {
                try TrecText.checkWritable(article.rawValue, field: "article")
                out += "\(ticket.rawValue) 0 \(article.rawValue) \(grade)\n"
            }
        }
        return out
    }

    /// Writes ``trecText()`` to `path`.
    public func writeTREC(to path: String) throws {
        try TrecText.write(trecText(), to: path)
    }
}
