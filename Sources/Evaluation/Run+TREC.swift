import FlywheelCore

extension Run {
    /// Parses a TREC run: one line per retrieved article, `ticket Q0 article rank score tag`,
    /// fields separated by blanks or tabs. As in trec_eval the `Q0` and rank columns are ignored and
    /// the order comes from the scores (see ``Run``). The run's tag is the first line's; an empty
    /// text gives an empty run tagged `tag`.
    ///
    /// - Throws: ``InputError`` naming `file` and the line for a line without six fields, a score
    ///   that is not a finite number, or an article listed twice for one ticket (trec_eval
    ///   rejects such runs too).
    public init(trecText text: String, file: String = "<run>", tag: String = "flywheel") throws {
        // Lines of one ticket usually come together: remember the last ticket's bucket.
        var bucketOf = [TicketID: Int]()
        var buckets = [(ticket: TicketID, entries: [RankedList.Entry], seen: Set<ArticleID>)]()
        var lastTicket = ""
        var bucket = -1
        var firstTag: String?
        try TrecText.forEachRecord(text) { line, fields in
            guard fields.count == 6 else {
                throw InputError(
                    file: file, line: line,
                    "expected 6 fields \"ticket Q0 article rank score tag\", found \(fields.count)")
            }
            guard let score = Double(fields[4]), score.isFinite else {
                throw InputError(file: file, line: line, field: "score", "\"\(fields[4])\" is not a finite number")
            }
            if bucket < 0 || fields[0] != lastTicket {
                let ticket = TicketID(fields[0])
                if let known = bucketOf[ticket] {
                    bucket = known
                } else {
                    bucket = buckets.count
                    bucketOf[ticket] = bucket
                    buckets.append((ticket, [], []))
                }
                lastTicket = fields[0]
            }
            let article = ArticleID(fields[2])
            guard buckets[bucket].seen.insert(article).inserted else {
                throw InputError(
                    file: file, line: line, field: "article",
                    "\"\(article)\" is listed twice for ticket \"\(buckets[bucket].ticket)\"")
            }
            buckets[bucket].entries.append(RankedList.Entry(article: article, score: score))
            if firstTag == nil { firstTag = fields[5] }
        }
        self.init(buckets.map { RankedList(ticket: $0.ticket, entries: $0.entries) }, tag: firstTag ?? tag)
    }

    /// Reads a TREC run file (see ``init(trecText:file:tag:)``).
    public init(contentsOfTRECFile path: String) throws {
        try self.init(trecText: TrecText.read(path), file: path)
    }

    /// The run as TREC run text, tickets sorted by id, each ranking in trec_eval's order with
    /// ranks from 1 and scores written so that they read back exactly.
    ///
    /// - Throws: ``InputError`` when an id or the tag is empty or contains whitespace.
    public func trecText() throws -> String {
        try TrecText.checkWritable(tag, field: "tag")
        var out = ""
        for list in rankings {
            try TrecText.checkWritable(list.ticket.rawValue, field: "ticket")
            for (i, entry) in list.entries.enumerated() {
                try TrecText.checkWritable(entry.article.rawValue, field: "article")
                out += "\(list.ticket.rawValue) Q0 \(entry.article.rawValue) \(i + 1) \(entry.score) \(tag)\n"
            }
        }
        return out
    }

    /// Writes ``trecText()`` to `path`.
    public func writeTREC(to path: String) throws {
        try TrecText.write(trecText(), to: path)
    }
}
