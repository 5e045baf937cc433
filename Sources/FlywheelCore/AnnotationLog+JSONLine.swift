/// The JSON line of each log entry (docs/annotations.md): `"kind"` first, then the fields in a
/// fixed order, absent optionals left out, so the same entries always give the same bytes.
extension AnnotationLogEntry {
    public var jsonLine: String {
        var o = LineObject()
        switch self {
        case .exposure(let e):
            o.string("kind", "exposure")
            o.string("ticket", e.ticket.rawValue)
            o.string("time", e.time.iso8601)
            o.raw("shown", "[" + e.shown.map { LineObject.quoted($0.rawValue) }.joined(separator: ",") + "]")
            if let a = e.a { o.raw("reply_a", Self.reply(a)) } else if let t = e.textA { o.string("reply_a", t) }
            if let b = e.b { o.raw("reply_b", Self.reply(b)) } else if let t = e.textB { o.string("reply_b", t) }
            if let p = e.propensityA { o.raw("propensity_a", String(p)) }
        case .annotation(let l):
            o.string("kind", l.annotation.kind.rawValue)
            o.string("ticket", l.annotation.ticket.rawValue)
            o.string("agent", l.annotation.agent.rawValue)
            o.string("time", l.time.iso8601)
            switch l.annotation {
            case .preference(let p):
                o.string("choice", p.choice.rawValue)
                if let m = p.margin { o.string("margin", m.rawValue) }
            case .adoption(let a):
                o.string("outcome", a.outcome.rawValue)
                if let r = a.rationale { o.string("rationale", r.rawValue) }
                if let t = a.rationaleText { o.string("rationale_text", t) }
            case .relevance(let r):
                o.string("article", r.article.rawValue)
                o.raw("rank", String(r.rank))
                o.raw("relevant", r.relevant ? "true" : "false")
            case .missingKnowledge(let m):
                if let n = m.note { o.string("note", n) }
            }
            if let s = l.seconds { o.raw("seconds", String(s)) }
            if let p = l.persona { o.string("persona", p) }
        }
        return o.closed()
    }

    /// A structured reply: `{"tone","greeting","sentences":[{"text","article","rank","position"}],"closing"}`.
    static func reply(_ r: Reply) -> String {
        var o = LineObject()
        o.string("tone", r.tone.rawValue)
        o.string("greeting", r.greeting)
        let sentences = r.sentences.map { s -> String in
            var so = LineObject()
            so.string("text", s.text)
            so.string("article", s.article.rawValue)
            so.raw("rank", String(s.articleRank))
            so.raw("position", String(s.position))
            return so.closed()
        }
        o.raw("sentences", "[" + sentences.joined(separator: ",") + "]")
        o.string("closing", r.closing)
        return o.closed()
    }
}

/// A JSON object written member by member, keys in the order written.
public struct LineObject: Sendable {
    private var text = "{"
    private var empty = true
    public init() {}
    /// Adds `key` with `value` already encoded as JSON.
    public mutating func raw(_ key: String, _ value: String) {
        if !empty { text += "," }
        empty = false
        text += Self.quoted(key) + ":" + value
    }
    public mutating func string(_ key: String, _ value: String) { raw(key, Self.quoted(value)) }
    public func closed() -> String { text + "}" }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
