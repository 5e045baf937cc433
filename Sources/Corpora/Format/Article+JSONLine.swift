import FlywheelCore

/// `articles.jsonl` lines: `{"id","title","body","topic"?,"created_at"?,"introduced_at"?}`.
extension Article {
    init(jsonLine c: inout JSONCursor) throws(JSONSyntaxError) {
        var id: String?, title: String?, body: String?, topic: String?
        var createdAt: Timestamp?, introducedAt: Timestamp?
        try c.forEachKey { (c, key) throws(JSONSyntaxError) in
            if key.equals("id") {
                id = try c.string()
            } else if key.equals("title") {
                title = try c.string()
            } else if key.equals("body") {
                body = try c.string()
            } else if key.equals("topic") {
                topic = c.consumeNull() ? nil : try c.string()
            } else if key.equals("created_at") {
                createdAt = c.consumeNull() ? nil : try c.timestamp()
            } else if key.equals("introduced_at") {
                introducedAt = c.consumeNull() ? nil : try c.timestamp()
            } else {
                try c.skipValue()
            }
        }
        try c.expectEnd()
        guard let id else { throw JSONSyntaxError(field: "id", message: "missing required field") }
        guard let title else { throw JSONSyntaxError(field: "title", message: "missing required field") }
        guard let body else { throw JSONSyntaxError(field: "body", message: "missing required field") }
        self.init(
            id: ArticleID(id), title: title, body: body, topic: topic, createdAt: createdAt, introducedAt: introducedAt)
    }

    /// One line of `articles.jsonl`, keys in a fixed order, without the newline.
    func appendJSONLine(to out: inout [UInt8]) {
        var o = JSONOutput.ObjectWriter(&out)
        o.string("id", id.rawValue, &out)
        o.string("title", title, &out)
        o.string("body", body, &out)
        o.optionalString("topic", topic, &out)
        o.optionalString("created_at", createdAt?.iso8601, &out)
        o.optionalString("introduced_at", introducedAt?.iso8601, &out)
        o.close(&out)
    }
}
