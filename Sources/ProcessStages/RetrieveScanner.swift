import FlywheelCore

/// The plugin side's fast path for the request that carries most of a session's bytes,
/// `retrieve` (docs/protocol.md): `{"depth":D,"id":N,"model":M,"op":"retrieve","tickets":[{"created_at":"…","id":"…","text":"…","tokens":[…]},…]}`,
/// read in one pass over the bytes into ``Ticket``s instead of through `JSONSerialization`'s
/// dictionaries (12% of all CPU of a run behind the protocol, BENCHMARKS.md "Process boundary").
///
/// It takes exactly that shape — each key once, in any order, `tokens` optional and an array of
/// strings (passed over: ``RetrieverServer`` analyses `text` itself), integers without
/// fraction or exponent, `created_at` in ISO 8601 — and returns nil for anything else, which
/// ``WireRequest`` then reads or refuses with its message. So a request it takes gets the
/// answer the slow path would give.
enum RetrieveScanner {
    struct Request {
        var id: Int
        var model: Int
        var depth: Int
        var tickets: [Ticket]
    }

    static func request(_ line: [UInt8]) -> Request? {
        JSONCursor.scan(line) { $0.retrieveRequest() }
    }
}

extension JSONCursor {
    fileprivate mutating func retrieveRequest() -> RetrieveScanner.Request? {
        var id: Int?
        var model: Int?
        var depth: Int?
        var isRetrieve = false
        var tickets: [Ticket]?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("id"), id == nil {
                id = integer()
                if id == nil { return nil }
            } else if key.equals("op"), !isRetrieve {
                guard let op = self.key(), op.equals("retrieve") else { return nil }
                isRetrieve = true
            } else if key.equals("model"), model == nil {
                model = integer()
                if model == nil { return nil }
            } else if key.equals("depth"), depth == nil {
                depth = integer()
                if depth == nil { return nil }
            } else if key.equals("tickets"), tickets == nil {
                tickets = ticketList()
                if tickets == nil { return nil }
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), isRetrieve, let id, let model, let depth, let tickets else { return nil }
        return RetrieveScanner.Request(id: id, model: model, depth: depth, tickets: tickets)
    }

    /// `[ticket, …]` (``ticket()``): also a retrain batch's tickets (``ModelRequestScanner``).
    mutating func ticketList() -> [Ticket]? {
        array { $0.ticket() }
    }

    /// `{"created_at":…,"id":…,"text":…,"tokens":[…]}`, the tokens passed over.
    mutating func ticket() -> Ticket? {
        var id: String?
        var created: Timestamp?
        var text: String?
        var tokens = false
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("id"), id == nil {
                id = escapedString()
                if id == nil { return nil }
            } else if key.equals("created_at"), created == nil {
                created = escapedString().flatMap { Timestamp(iso8601: $0) }
                if created == nil { return nil }
            } else if key.equals("text"), text == nil {
                text = escapedString()
                if text == nil { return nil }
            } else if key.equals("tokens"), !tokens {
                guard skipStrings() else { return nil }
                tokens = true
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let id, let created, let text else { return nil }
        return Ticket(id: TicketID(id), createdAt: created, text: text)
    }
}
