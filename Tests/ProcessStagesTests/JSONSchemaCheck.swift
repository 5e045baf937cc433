import Foundation

/// A JSON value that keeps booleans and numbers apart (for ``JSONSchemaCheck``).
enum JSON: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSON].self))
        }
    }

    static func parse(_ data: Data) throws -> JSON { try JSONDecoder().decode(JSON.self, from: data) }

    subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

/// The part of JSON Schema (2020-12) that docs/protocol/*.schema.json use: type, const, enum,
/// required, properties, additionalProperties: false, items, minItems, minimum, maximum and
/// oneOf. Enough to check that what Flywheel sends fits what the protocol documents; the
/// `make protocol-check` target runs python's full `jsonschema` validator as well.
enum JSONSchemaCheck {
    /// The problems of `value` against `schema`, each as "path: what"; empty when it fits.
    static func problems(_ value: JSON, _ schema: JSON, path: String = "$") -> [String] {
        var out: [String] = []
        if case .string(let type)? = schema["type"], !fits(value, type) { return ["\(path): expected \(type)"] }
        if let c = schema["const"], c != value { out.append("\(path): expected \(c)") }
        if case .array(let values)? = schema["enum"], !values.contains(value) {
            out.append("\(path): \(value) not in enum")
        }
        if case .number(let n) = value {
            if case .number(let lo)? = schema["minimum"], n < lo { out.append("\(path): \(n) < \(lo)") }
            if case .number(let hi)? = schema["maximum"], n > hi { out.append("\(path): \(n) > \(hi)") }
        }
        if case .object(let object) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where object[key] == nil { out.append("\(path): missing \(key)") }
            }
            for (key, v) in object.sorted(by: { $0.key < $1.key }) {
                if let sub = schema["properties"]?[key] {
                    out += problems(v, sub, path: path + "." + key)
                } else if schema["additionalProperties"] == .bool(false) {
                    out.append("\(path): unexpected key \(key)")
                }
            }
        }
        if case .array(let array) = value {
            if case .number(let min)? = schema["minItems"], Double(array.count) < min {
                out.append("\(path): too few items")
            }
            if let items = schema["items"] {
                for (i, v) in array.enumerated() { out += problems(v, items, path: "\(path)[\(i)]") }
            }
        }
        if case .array(let alternatives)? = schema["oneOf"] {
            let fitting = alternatives.filter { problems(value, $0, path: path).isEmpty }.count
            if fitting != 1 { out.append("\(path): fits \(fitting) of the oneOf alternatives, not exactly 1") }
        }
        return out
    }

    static func fits(_ v: JSON, _ type: String) -> Bool {
        switch (type, v) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number): true
        case ("integer", .number(let n)): n == n.rounded()
        default: false
        }
    }
}
