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

    /// ``request(_:)`` over a line that a 0 follows in memory (``LineBuffer``'s), in place.
    static func request(terminated line: UnsafeBufferPointer<UInt8>) -> Request? {
        JSONCursor.scan(terminated: line) { $0.retrieveRequest() }
    }
}

extension JSONCursor {
    fileprivate mutating func retrieveRequest() -> RetrieveScanner.Request? {
        var id: Int?
        var model: Int?
        var depth: Int?
        var isRetrieve: Bool?
        var tickets: [Ticket]?
        let read = object { c, key in
            if key.equals("id") { return c.once(&id) { $0.integer() } }
            if key.equals("op") { return c.once(&isRetrieve) { $0.key()?.equals("retrieve") == true ? true : nil } }
            if key.equals("model") { return c.once(&model) { $0.integer() } }
            if key.equals("depth") { return c.once(&depth) { $0.integer() } }
            if key.equals("tickets") { return c.once(&tickets) { $0.ticketList() } }
            return false
        }
        guard read, isRetrieve == true, let id, let model, let depth, let tickets else { return nil }
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
        var tokens: Bool?
        let read = object { c, key in
            if key.equals("id") { return c.once(&id) { $0.escapedString() } }
            if key.equals("created_at") {
                return c.once(&created) { $0.escapedString().flatMap { Timestamp(iso8601: $0) } }
            }
            if key.equals("text") { return c.once(&text) { $0.escapedString() } }
            if key.equals("tokens") { return c.once(&tokens) { $0.skipStrings() ? true : nil } }
            return false
        }
        guard read, let id, let created, let text else { return nil }
        return Ticket(id: TicketID(id), createdAt: created, text: text)
    }
}
