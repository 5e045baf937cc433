/// A parsed JSON value, for inputs whose field names are only known at run time (the generic
/// JSONL and BEIR importers, annotation logs). Object members keep their order (and repeats:
/// the first wins on lookup), as ``JSONCursor`` reads them, with no dictionary built per line.
///
/// Scenarios has a second `JSONValue` (a sorted `Codable` tree with integers apart from
/// doubles, for schema defaults and sweep overrides). They stay two on purpose: this one is what
/// the line readers build for every record (numbers as `Double`, members in file order for
/// error messages), the other is edited by key path and encoded with sorted keys; one type would
/// make either the readers build dictionaries or the sweeps search member lists.
public enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (l: JSONValue, r: JSONValue) -> Bool {
        switch (l, r) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .string(let s): h.combine(s)
        case .number(let d): h.combine(d)
        case .bool(let b): h.combine(b)
        case .null: h.combine(0)
        case .array(let a): h.combine(a)
        case .object(let m): for (k, v) in m { h.combine(k); h.combine(v) }
        }
    }

    /// The member named `key` of an object (the first, if repeated); nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A string, or a number written without a fraction as a string (ids are often numbers).
    public var textValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        default: return nil
        }
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
