import Foundation

/// A JSON value tree, for defaults in the schema and for applying sweep overrides to a resolved
/// scenario before decoding it strictly. Objects keep sorted keys when written.
///
/// Not Corpora's `JSONValue` (member lists in file order, numbers as `Double`, built by the
/// corpus and log readers for every line): this one tells integers from doubles (scenario keys
/// are typed), is edited by key path (sweep overrides) and encodes with sorted keys. See the
/// note there on why they stay two.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The JSON tree of any encodable value (`.null` if it cannot be encoded).
    init(encoding value: some Encodable) {
        guard let data = try? JSONEncoder().encode(value),
            let tree = try? JSONDecoder().decode(JSONValue.self, from: data)
        else {
            self = .null
            return
        }
        self = tree
    }

    /// Compact JSON with sorted keys.
    public var compactJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A short human form: strings bare, everything else as JSON.
    public var plainText: String {
        if case .string(let s) = self { return s }
        return compactJSON
    }
}
