import FlywheelCore

/// Any JSON value as a tree, on FlywheelCore's ``JSONCursor``: for the importers, whose field
/// names come from the user, and for skipping fields the line formats do not know.
extension JSONCursor {
    static var maxDepth: Int { Int(clamping: InputLimit.jsonDepth.value) }

    /// Parses and discards any value (unknown fields are ignored, for forward compatibility).
    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try value()
    }

    /// Any JSON value, as a tree (used by the importers, whose field names come from the user).
    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > JSONCursor.maxDepth {
            throw fail(
                "nested deeper than \(JSONCursor.maxDepth) levels (set \(InputLimit.jsonDepth.environmentVariable) to allow more)"
            )
        }
        switch peek() {
        case 0x22: return .string(try string())
        case 0x7B:
            var members: [(String, JSONValue)] = []
            try forEachKey { (c, key) throws(JSONSyntaxError) in
                members.append((String(decoding: key, as: UTF8.self), try c.value()))
            }
            return .object(members)
        case 0x5B:
            var items: [JSONValue] = []
            try forEachElement { (c, _) throws(JSONSyntaxError) in items.append(try c.value()) }
            return .array(items)
        case 0x74, 0x66: return .bool(try bool())
        case 0x6E:
            if consumeNull() { return .null }
            throw fail("invalid literal at column \(pos + 1)")
        case nil: throw fail("expected a value, found the end of the line")
        default: return .number(try number())
        }
    }
}
