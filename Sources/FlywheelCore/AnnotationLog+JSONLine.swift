/// The JSON line of each log entry (docs/annotations.md): `"kind"` first, then the fields in a
/// fixed order, absent optionals left out, so the same entries always give the same bytes.
extension AnnotationLogEntry {
    public var jsonLine: String { String(decoding: jsonLineBytes, as: UTF8.self) }

    /// ``jsonLine``'s UTF-8 bytes (what the results store compresses, without a detour
    /// through `String`).
    public var jsonLineBytes: [UInt8] {
        var out: [UInt8] = []
        appendJSONLine(to: &out)
        return out
    }

    /// Appends the entry's line of an annotation log, ``jsonLineBytes`` and a newline, to `out`
    /// (the engine's ``AnnotationLogWriter`` and the results store write the same lines).
    public func appendLogLine(to out: inout [UInt8]) {
        appendJSONLine(to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends ``jsonLineBytes`` to `out`: written in place, member by member, with no
    /// intermediate arrays or strings (a run writes one line per annotation and exposure).
    public func appendJSONLine(to out: inout [UInt8]) {
        LineObject.append(to: &out) { o in
            switch self {
            case .exposure(let e):
                o.string("kind", "exposure")
                o.string("ticket", e.ticket.rawValue)
                o.time("time", e.time)
                o.raw("shown") { out in
                    LineObject.appendArray(e.shown, to: &out) { id, out in
                        LineObject.appendQuoted(id.rawValue, to: &out)
                    }
                }
                if let a = e.a {
                    o.raw("reply_a") { Self.appendReply(a, to: &$0) }
                } else if let t = e.textA {
                    o.string("reply_a", t)
                }
                if let b = e.b {
                    o.raw("reply_b") { Self.appendReply(b, to: &$0) }
                } else if let t = e.textB {
                    o.string("reply_b", t)
                }
                if let p = e.propensityA { o.raw("propensity_a", String(p)) }
            case .annotation(let l):
                o.string("kind", l.annotation.kind.rawValue)
                o.string("ticket", l.annotation.ticket.rawValue)
                o.string("agent", l.annotation.agent.rawValue)
                o.time("time", l.time)
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
        }
    }

    /// Appends a structured reply to `out`:
    /// `{"tone","greeting","sentences":[{"text","article","rank","position"}],"closing"}`.
    static func appendReply(_ r: Reply, to out: inout [UInt8]) {
        LineObject.append(to: &out) { o in
            o.string("tone", r.tone.rawValue)
            o.string("greeting", r.greeting)
            o.raw("sentences") { out in
                LineObject.appendArray(r.sentences, to: &out) { s, out in
                    LineObject.append(to: &out) { so in
                        so.string("text", s.text)
                        so.string("article", s.article.rawValue)
                        so.raw("rank", String(s.articleRank))
                        so.raw("position", String(s.position))
                    }
                }
            }
            o.string("closing", r.closing)
        }
    }
}

/// A JSON object written member by member, keys in the order written, straight into UTF-8
/// bytes (a run writes one line per annotation and exposure, so this is on the hot path).
public struct LineObject: Sendable {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var empty = true
    public init() {}
    private init(bytes: [UInt8]) { self.bytes = bytes }
    /// Adds `key` with `value` already encoded as JSON.
    public mutating func raw(_ key: String, _ value: String) {
        member(key)
        bytes.append(contentsOf: value.utf8)
    }
    /// Adds `key` with `value`, bytes already encoded as JSON.
    public mutating func raw(_ key: String, _ value: [UInt8]) {
        member(key)
        bytes.append(contentsOf: value)
    }
    /// Adds `key` with an array of JSON strings.
    public mutating func strings(_ key: String, _ values: [String]) {
        member(key)
        Self.appendArray(values, to: &bytes) { v, out in Self.appendQuoted(v, to: &out) }
    }
    /// Appends `items` as a JSON array to `out`, each element's bytes written by `element`.
    public static func appendArray<S: Sequence>(
        _ items: S, to out: inout [UInt8], _ element: (S.Element, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            element(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }
    public mutating func string(_ key: String, _ value: String) {
        member(key)
        Self.appendQuoted(value, to: &bytes)
    }
    /// Adds `key` with a value `write` appends to the bytes, already encoded as JSON.
    public mutating func raw(_ key: String, _ write: (inout [UInt8]) -> Void) {
        member(key)
        write(&bytes)
    }
    /// Adds `key` with `time` as an ISO-8601 string (``Timestamp/iso8601``).
    public mutating func time(_ key: String, _ time: Timestamp) {
        member(key)
        bytes.append(UInt8(ascii: "\""))
        time.appendISO8601(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
    private mutating func member(_ key: String) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        Self.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }
    /// Appends the object `body` writes, closed, to `out`, in place: the object takes over
    /// `out`'s storage while `body` runs (no copy of what `out` holds).
    public static func append(to out: inout [UInt8], _ body: (inout LineObject) -> Void) {
        var o = LineObject(bytes: [])
        swap(&o.bytes, &out)
        o.bytes.append(UInt8(ascii: "{"))
        body(&o)
        o.bytes.append(UInt8(ascii: "}"))
        swap(&o.bytes, &out)
    }
    /// The object's bytes, closed.
    public func closedBytes() -> [UInt8] {
        var out = bytes
        out.append(UInt8(ascii: "}"))
        return out
    }
    public func closed() -> String { String(decoding: closedBytes(), as: UTF8.self) }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Which control characters get a two-character escape in ``appendQuoted(_:to:shortEscapes:)``;
    /// every other control character is written `\u00XX`.
    public enum ShortEscapes: Sendable {
        /// `\t`, `\n`, `\r`: the annotation log's form (its bytes are stored and exported).
        case tabsAndNewlines
        /// `\b`, `\t`, `\n`, `\f`, `\r`: Foundation's `JSONEncoder`'s form (the process
        /// protocol's hand-written requests must be the encoder's bytes exactly).
        case foundation
    }

    /// Appends `s` as a JSON string literal: `"` and `\` escaped, control characters as
    /// `shortEscapes` says or `\u00XX`; every other byte of the UTF-8 (multi-byte sequences
    /// included) as it is.
    public static func appendQuoted(_ s: String, to out: inout [UInt8], shortEscapes: ShortEscapes = .tabsAndNewlines) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // runs of bytes that need no escape are copied whole
            var start = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                if let short = shortEscape(byte, shortEscapes) {
                    out.append(UInt8(ascii: "\\"))
                    out.append(short)
                } else {
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                    )
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 15)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The letter after the backslash for `byte` (a quote, a backslash or a control character),
    /// or nil for the `\u00XX` form.
    private static func shortEscape(_ byte: UInt8, _ style: ShortEscapes) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
        case 0x09: UInt8(ascii: "t")
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x08 where style == .foundation: UInt8(ascii: "b")
        case 0x0C where style == .foundation: UInt8(ascii: "f")
        default: nil
        }
    }
}
