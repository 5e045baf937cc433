import FlywheelCore
import WorldTruth

/// `tickets.jsonl` lines: the ticket (`id`, `created_at`, `text`, `channel`?, `locale`?) and its
/// truth (`relevant` {article id: grade}, `nuggets`?, `reference_response`?, `conflicting`?).
extension TicketRecord {
    init(jsonLine c: inout JSONCursor) throws(JSONSyntaxError) {
        var id: String?, text: String?, channel: String?, locale: String?, reference: String?
        var createdAt: Timestamp?
        var relevant: [ArticleID: Int]?
        var nuggets: [Nugget] = []
        var conflicting: [ArticleID] = []
        try c.forEachKey { (c, key) throws(JSONSyntaxError) in
            if key.equals("id") {
                id = try c.string()
            } else if key.equals("created_at") {
                createdAt = try c.timestamp()
            } else if key.equals("text") {
                text = try c.string()
            } else if key.equals("relevant") {
                // Room for the usual one to three articles without regrowing (and rehashing).
                var r = [ArticleID: Int](minimumCapacity: 3)
                try c.forEachKey { (c, k) throws(JSONSyntaxError) in
                    guard let article = JSONCursor.utf8String(k) else { throw c.fail("invalid UTF-8 in article id") }
                    r[ArticleID(article)] = try c.int()
                }
                relevant = r
            } else if key.equals("nuggets") {
                if c.consumeNull() { return }
                nuggets.reserveCapacity(3)
                try c.forEachElement { (c, _) throws(JSONSyntaxError) in
                    var text: String?, article: String?
                    try c.forEachKey { (c, k) throws(JSONSyntaxError) in
                        if k.equals("text") {
                            text = try c.string()
                        } else if k.equals("article") {
                            article = c.consumeNull() ? nil : try c.string()
                        } else {
                            try c.skipValue()
                        }
                    }
                    guard let text else { throw JSONSyntaxError(field: "text", message: "missing required field") }
                    nuggets.append(Nugget(text: text, article: article.map { ArticleID($0) }))
                }
            } else if key.equals("reference_response") {
                reference = c.consumeNull() ? nil : try c.string()
            } else if key.equals("conflicting") {
                if c.consumeNull() { return }
                try c.forEachElement { (c, _) throws(JSONSyntaxError) in conflicting.append(ArticleID(try c.string())) }
            } else if key.equals("channel") {
                channel = c.consumeNull() ? nil : try c.string()
            } else if key.equals("locale") {
                locale = c.consumeNull() ? nil : try c.string()
            } else {
                try c.skipValue()
            }
        }
        try c.expectEnd()
        guard let id else { throw JSONSyntaxError(field: "id", message: "missing required field") }
        guard let createdAt else { throw JSONSyntaxError(field: "created_at", message: "missing required field") }
        guard let text else { throw JSONSyntaxError(field: "text", message: "missing required field") }
        guard let relevant else { throw JSONSyntaxError(field: "relevant", message: "missing required field") }
        let tid = TicketID(id)
        self.init(
            ticket: Ticket(id: tid, createdAt: createdAt, text: text, channel: channel, locale: locale),
            truth: TicketTruth(
                ticket: tid, relevant: relevant, nuggets: nuggets, referenceResponse: reference,
                conflicting: conflicting))
    }

    /// One line of `tickets.jsonl`, keys in a fixed order (`relevant` sorted by article id).
    func appendJSONLine(to out: inout [UInt8]) {
        var o = JSONOutput.ObjectWriter(&out)
        o.string("id", ticket.id.rawValue, &out)
        o.string("created_at", ticket.createdAt.iso8601, &out)
        o.string("text", ticket.text, &out)
        o.optionalString("channel", ticket.channel, &out)
        o.optionalString("locale", ticket.locale, &out)
        o.key("relevant", &out)
        var r = JSONOutput.ObjectWriter(&out)
        for article in truth.relevant.keys.sorted() {
            r.key(dynamic: article.rawValue, &out)
            JSONOutput.appendInt(truth.relevant[article]!, to: &out)
        }
        r.close(&out)
        if !truth.nuggets.isEmpty {
            o.key("nuggets", &out)
            out.append(0x5B)
            for (i, n) in truth.nuggets.enumerated() {
                if i > 0 { out.append(0x2C) }
                var w = JSONOutput.ObjectWriter(&out)
                w.string("text", n.text, &out)
                w.optionalString("article", n.article?.rawValue, &out)
                w.close(&out)
            }
            out.append(0x5D)
        }
        o.optionalString("reference_response", truth.referenceResponse, &out)
        if !truth.conflicting.isEmpty {
            o.key("conflicting", &out)
            out.append(0x5B)
            for (i, a) in truth.conflicting.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSONOutput.appendString(a.rawValue, to: &out)
            }
            out.append(0x5D)
        }
        o.close(&out)
    }
}
