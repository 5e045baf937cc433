import Foundation

/// The part of JSON Schema (draft 2020-12) the schemas in docs/schemas/ use: `type`,
/// `required`, `properties`, `additionalProperties: false`, `items`, `minItems`, `minLength`,
/// `enum`. Returns each violation as `path: problem`; a keyword outside that set is itself
/// reported, so a schema cannot silently use more than is checked.
enum MiniJSONSchema {
    static let known: Set<String> = [
        "$schema", "$id", "title", "description", "type", "required", "properties", "additionalProperties",
        "items", "minItems", "minLength", "enum"
    ]

    static func violations(of value: Any, against schema: [String: Any], path: String = "$") -> [String] {
        var out = schema.keys.filter { !known.contains($0) }.sorted().map {
            "\(path): schema keyword \($0) is not checked"
        }
        if let type = schema["type"] as? String, !matches(value, type) {
            return out + ["\(path): expected \(type)"]
        }
        if let allowed = schema["enum"] as? [String], !(value is String && allowed.contains(value as! String)) {
            out.append("\(path): not one of \(allowed)")
        }
        if let min = schema["minLength"] as? Int, let s = value as? String, s.count < min {
            out.append("\(path): shorter than \(min)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                out.append("\(path): missing \(key)")
            }
            for (key, v) in object.sorted(by: { $0.key < $1.key }) {
                if let sub = properties[key] {
                    out += violations(of: v, against: sub, path: path + "." + key)
                } else if schema["additionalProperties"] as? Bool == false {
                    out.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min {
                out.append("\(path): fewer than \(min) items")
            }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { out += violations(of: v, against: items, path: "\(path)[\(i)]") }
            }
        }
        return out
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "number": value is NSNumber
        case "boolean": value is Bool
        default: false
        }
    }
}
