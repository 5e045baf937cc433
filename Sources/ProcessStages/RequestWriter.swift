import FlywheelCore

/// The requests that carry most of Flywheel's bytes — `retrieve` (every window's tickets with
/// their text and tokens), `index` and `publish` (articles in full) — written by hand, byte by
/// byte, instead of through `JSONEncoder` (a few microseconds per field). The bytes are the
/// encoder's exactly (sorted keys, slashes unescaped, the same string escapes):
/// `RequestWriterTests` compares the two, so the schemas' check of the encoder's output holds
/// for these too.
protocol WireWritable {
    func writeJSON(to out: inout [UInt8])
}

extension WireWritable {
    /// The message as one JSON line's bytes (without the newline).
    var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        writeJSON(to: &out)
        return out
    }
}

extension PluginMessages.Retrieve: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"depth":\#(depth),"id":\#(id),"model":\#(model),"op":"retrieve","tickets":"#.utf8
        RequestWriter.list(tickets, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

extension PluginMessages.Index: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"articles":"#.utf8
        RequestWriter.list(articles, to: &out)
        out += #","id":\#(id),"model":\#(model),"op":"index"}"#.utf8
    }
}

extension PluginMessages.Publish: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        out += #"{"articles":"#.utf8
        RequestWriter.list(articles, to: &out)
        out += #","from":\#(from),"id":\#(id),"op":"publish","to":\#(to)}"#.utf8
    }
}

/// Absent fields (a version-5 plugin's ``PluginMessages/Input``s) are left out, as the encoder
/// leaves out a nil; `id` is always there.
extension WireTicket: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        RequestWriter.record(id: id, before: ("created_at", createdAt), after: ("text", text), tokens: tokens, to: &out)
    }
}

extension WireArticle: WireWritable {
    func writeJSON(to out: inout [UInt8]) {
        RequestWriter.record(id: id, before: ("body", body), after: ("title", title), tokens: tokens, to: &out)
    }
}

enum RequestWriter {
    static func list(_ items: [some WireWritable], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            item.writeJSON(to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A ticket or an article: `{`, the optional string field whose key sorts before `id`,
    /// `id`, the one after it, then `tokens` (sorted keys, as the encoder writes them; a nil
    /// field is left out).
    static func record(
        id: String, before: (key: StaticString, value: String?), after: (key: StaticString, value: String?),
        tokens: [String]?, to out: inout [UInt8]
    ) {
        out.append(UInt8(ascii: "{"))
        if let value = before.value {
            key(before.key, to: &out)
            string(value, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out += #""id":"#.utf8
        string(id, to: &out)
        if let value = after.value {
            out.append(UInt8(ascii: ","))
            key(after.key, to: &out)
            string(value, to: &out)
        }
        if let tokens {
            out += #","tokens":"#.utf8
            strings(tokens, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `"key":` for a key that needs no escaping.
    private static func key(_ key: StaticString, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out += UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        out += #"":"#.utf8
    }

    static func strings(_ items: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON string as `JSONEncoder` writes it with `.withoutEscapingSlashes`: `"` and `\`
    /// escaped, the control characters as `\b \t \n \f \r` or `\u00XX`, everything else as is.
    static func string(_ text: String, to out: inout [UInt8]) {
        LineObject.appendQuoted(text, to: &out, shortEscapes: .foundation)
    }
}
