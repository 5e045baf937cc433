import Foundation

/// The scenario spec as a JSON Schema (draft 2020-12) for editors, and as the Markdown of
/// `docs/scenarios.md`; both generated from the descriptions each spec struct provides.
///
/// ```swift
/// print(ScenarioSchema.jsonSchema())   // flywheel scenario schema
/// print(ScenarioSchema.markdown())     // flywheel scenario docs > docs/scenarios.md
/// ```
public enum ScenarioSchema {
    /// The root of the description tree.
    public static var root: SchemaNode { Scenario.schema }

    /// The JSON Schema, pretty-printed with sorted keys.
    public static func jsonSchema() -> String {
        guard case .object(var top) = json(root) else { return "{}" }
        top["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        top["$id"] = .string("https://flywheel.invalid/schemas/scenario-v1.json")
        top["title"] = .string("Flywheel scenario")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(JSONValue.object(top))) ?? Data(), as: UTF8.self) + "\n"
    }

    static func json(_ node: SchemaNode) -> JSONValue {
        var o: [String: JSONValue] = ["description": .string(node.description), "type": .string(node.kind.rawValue)]
        func number(_ x: Double) -> JSONValue {
            node.kind == .integer && x.magnitude < 9e15
                ? .int(Int64(x)) : (node.kind == .integer ? .string(String(format: "%.0f", x)) : .double(x))
        }
        if let m = node.minimum { o["minimum"] = number(m) }
        if let m = node.maximum, m < 1.8e19 { o["maximum"] = number(m) }
        if let e = node.enumValues { o["enum"] = .array(e.map(JSONValue.string)) }
        if let p = node.pattern { o["pattern"] = .string(p) }
        if let d = node.defaultValue { o["default"] = d }
        switch node.kind {
        case .object:
            if let values = node.mapValues {
                o["additionalProperties"] = json(values)
                o["minProperties"] = .int(1)
            } else {
                o["properties"] = .object(
                    Dictionary(uniqueKeysWithValues: node.properties.map { ($0.key, json($0.node)) }))
                o["additionalProperties"] = .bool(false)
                if !node.required.isEmpty { o["required"] = .array(node.required.map(JSONValue.string)) }
            }
        case .array:
            if let items = node.items { o["items"] = json(items) }
            if let m = node.minItems { o["minItems"] = .int(Int64(m)) }
        default: break
        }
        return .object(o)
    }

    /// Every key path of the tree with its node, depth first in `CodingKeys` order; a map's
    /// values appear under `NAME`, an array's items under `[i]`.
    public static func keyPaths(_ node: SchemaNode = root, prefix: String = "") -> [(path: String, node: SchemaNode)] {
        var out: [(String, SchemaNode)] = []
        if let values = node.mapValues {
            let p = prefix + ".NAME"
            out.append((p, values))
            out += keyPaths(values, prefix: p)
        }
        if let items = node.items, items.kind == .object {
            out += keyPaths(items, prefix: prefix + "[i]")
        }
        for (key, child) in node.properties {
            let p = prefix.isEmpty ? key : prefix + "." + key
            out.append((p, child))
            out += keyPaths(child, prefix: p)
        }
        return out
    }
}
