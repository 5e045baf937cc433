import FlywheelCore

/// Typed access to the members of one JSON object of a log line, each failure naming its key
/// path (`reply_a.sentences[2].rank`).
struct LogObject {
    var value: JSONValue
    var path: String

    func key(_ k: String) -> String { path.isEmpty ? k : path + "." + k }

    func member(_ k: String) -> JSONValue? {
        guard let v = value[k] else { return nil }
        if case .null = v { return nil }
        return v
    }

    func required(_ k: String) throws(LogFieldError) -> JSONValue {
        guard let v = member(k) else { throw LogFieldError(field: key(k), "missing required field") }
        return v
    }

    func rejectUnknown(_ allowed: [String]) throws(LogFieldError) {
        guard case .object(let members) = value else {
            throw LogFieldError(field: path.isEmpty ? nil : path, "expected an object")
        }
        for (k, _) in members where !allowed.contains(k) {
            throw LogFieldError(field: key(k), "unknown key; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    func optionalString(_ k: String) throws(LogFieldError) -> String? {
        guard let v = member(k) else { return nil }
        guard case .string(let s) = v else {
            throw LogFieldError(field: key(k), "expected a string, found \(v.typeName)")
        }
        return s
    }

    func string(_ k: String) throws(LogFieldError) -> String {
        let v = try required(k)
        guard let s = v.textValue, !s.isEmpty else {
            throw LogFieldError(field: key(k), "expected a non-empty string, found \(v.typeName)")
        }
        return s
    }

    func optionalNumber(_ k: String) throws(LogFieldError) -> Double? {
        guard let v = member(k) else { return nil }
        switch v {
        case .number(let d): return d
        case .string(let s) where Double(s) != nil: return Double(s)
        default: throw LogFieldError(field: key(k), "expected a number, found \(v.typeName)")
        }
    }

    func integer(_ k: String) throws(LogFieldError) -> Int {
        guard let d = try optionalNumber(k) else { throw LogFieldError(field: key(k), "missing required field") }
        guard let i = Int(exactly: d) else { throw LogFieldError(field: key(k), "expected an integer, found \(d)") }
        return i
    }

    func bool(_ k: String) throws(LogFieldError) -> Bool {
        switch try required(k) {
        case .bool(let b): return b
        case .string("true"), .string("1"), .number(1): return true
        case .string("false"), .string("0"), .number(0): return false
        case let v: throw LogFieldError(field: key(k), "expected true or false, found \(v.typeName)")
        }
    }

    func array(_ k: String) throws(LogFieldError) -> [JSONValue] {
        let v = try required(k)
        guard case .array(let items) = v else {
            throw LogFieldError(field: key(k), "expected an array, found \(v.typeName)")
        }
        return items
    }

    func time(_ k: String) throws(LogFieldError) -> Timestamp {
        let v = try required(k)
        switch v {
        case .string(let s) where !s.isEmpty && s.count < 16 && s.allSatisfy({ $0.isASCII && $0.isNumber }):
            return Timestamp(secondsSinceEpoch: Int64(s) ?? 0)
        case .string(let s):
            guard let t = Timestamp(iso8601: s) else {
                throw LogFieldError(
                    field: key(k), "expected an ISO-8601 UTC time like 2026-01-05T09:30:00Z, found \"\(s)\"")
            }
            return t
        case .number(let d) where d == d.rounded():
            return Timestamp(secondsSinceEpoch: Int64(d))
        default:
            throw LogFieldError(field: key(k), "expected an ISO-8601 time or epoch seconds, found \(v.typeName)")
        }
    }

    func optionalVocabulary<E: RawRepresentable & CaseIterable>(_ k: String, _: E.Type) throws(LogFieldError) -> E?
    where E.RawValue == String {
        guard let raw = try optionalString(k) else { return nil }
        guard let v = E(rawValue: raw) else {
            throw LogFieldError(
                field: key(k),
                "unknown value \"\(raw)\"; expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    func vocabulary<E: RawRepresentable & CaseIterable>(_ k: String, _ type: E.Type) throws(LogFieldError) -> E
    where E.RawValue == String {
        guard let v = try optionalVocabulary(k, type) else {
            throw LogFieldError(field: key(k), "missing required field")
        }
        return v
    }

    /// A reply: a structured object (see ``AnnotationLogEntry/appendReply(_:to:)``) or its plain text.
    func reply(_ k: String) throws(LogFieldError) -> (Reply?, String?) {
        guard let v = member(k) else { return (nil, nil) }
        if case .string(let s) = v { return (nil, s) }
        let r = LogObject(value: v, path: key(k))
        try r.rejectUnknown(["tone", "greeting", "sentences", "closing"])
        let sentences = try r.array("sentences").enumerated().map { i, s throws(LogFieldError) in
            let o = LogObject(value: s, path: r.key("sentences[\(i)]"))
            try o.rejectUnknown(["text", "article", "rank", "position"])
            return Reply.Sentence(
                text: try o.optionalString("text") ?? "", article: ArticleID(try o.string("article")),
                articleRank: try o.integer("rank"), position: try o.integer("position"))
        }
        let reply = Reply(
            greeting: try r.optionalString("greeting") ?? "", sentences: sentences,
            closing: try r.optionalString("closing") ?? "",
            tone: try r.optionalVocabulary("tone", Reply.Tone.self) ?? .formal)
        return (reply, reply.text)
    }
}
