import Foundation

/// A small description of one value of the scenario spec: its type, range or vocabulary, default
/// and meaning. Each spec struct provides its own next to its `CodingKeys` (see
/// `Scenario+Schema.swift`); ``ScenarioSchema`` turns the tree into a JSON Schema and into
/// `docs/scenarios.md`, so the two cannot drift from the code.
///
/// ```swift
/// extension HeldOutSpec: SchemaDescribed {
///     static var schema: SchemaNode {
///         .object("Held-out tickets.", CodingKeys.self, defaults: HeldOutSpec(), [
///             .share: .number("Share of tickets held out.", 0.001...0.5),
///         ])
///     }
/// }
/// ```
public struct SchemaNode: Sendable {
    public enum Kind: String, Sendable { case object, array, number, integer, string, boolean }
    public var kind: Kind
    public var description: String
    public var minimum: Double?
    public var maximum: Double?
    /// Closed vocabulary of a string.
    public var enumValues: [String]?
    /// Regular expression a string must match (durations).
    public var pattern: String?
    /// Properties of an object, in the spec's `CodingKeys` order.
    public var properties: [(key: String, node: SchemaNode)] = []
    /// Keys an object must have.
    public var required: [String] = []
    /// The value schema of a map with free keys (arms), nil for a closed object.
    public var mapValues: SchemaNode? { mapValueBox.first }
    var mapValueBox: [SchemaNode] = []
    /// The element schema of an array.
    public var items: SchemaNode? { itemBox.first }
    var itemBox: [SchemaNode] = []
    public var minItems: Int?
    /// Whether the enclosing object requires this key (it then has no default).
    public var isRequired = false
    /// The default, as a JSON value (from encoding the spec's `init()`), nil when there is none.
    public var defaultValue: JSONValue?

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static let undocumented = "UNDOCUMENTED"

    static func number(_ d: String, _ range: ClosedRange<Double>? = nil) -> SchemaNode {
        var n = SchemaNode(.number, d)
        n.minimum = range?.lowerBound
        n.maximum = range?.upperBound
        return n
    }
    static func integer(_ d: String, _ range: ClosedRange<Double>? = nil) -> SchemaNode {
        var n = SchemaNode(.integer, d)
        n.minimum = range?.lowerBound
        n.maximum = range?.upperBound
        return n
    }
    static func string(_ d: String) -> SchemaNode { SchemaNode(.string, d) }
    static func boolean(_ d: String) -> SchemaNode { SchemaNode(.boolean, d) }
    static func oneOf(_ d: String, _ values: [String]) -> SchemaNode {
        var n = SchemaNode(.string, d)
        n.enumValues = values
        return n
    }
    /// A duration such as `7d`, `12h` or `26w`.
    static func duration(_ d: String) -> SchemaNode {
        var n = SchemaNode(.string, d + " A duration: a whole number and a unit (s, m, h, d, w), e.g. `7d`.")
        n.pattern = "^[0-9]+[smhdw]$"
        return n
    }
    static func array(_ d: String, of items: SchemaNode, minItems: Int? = nil) -> SchemaNode {
        var n = SchemaNode(.array, d)
        n.itemBox = [items]
        n.minItems = minItems
        return n
    }
    /// A mapping from free names (e.g. arm names) to `values`.
    static func map(_ d: String, of values: SchemaNode) -> SchemaNode {
        var n = SchemaNode(.object, d)
        n.mapValueBox = [values]
        return n
    }

    /// A closed object whose properties are exactly `Keys`, in their declaration order; a key
    /// without a description shows as ``undocumented`` (a test fails on it). Defaults come from
    /// encoding `defaults`.
    static func object<Keys: CodingKey & CaseIterable & Hashable>(
        _ d: String, _: Keys.Type, defaults: some Encodable, required: [Keys] = [], _ properties: [Keys: SchemaNode]
    ) -> SchemaNode {
        var n = SchemaNode(.object, d)
        let encoded = JSONValue(encoding: defaults)
        n.properties = Keys.allCases.map { key in
            var node = properties[key] ?? SchemaNode(.string, undocumented)
            node.isRequired = required.contains(key)
            if !node.isRequired, case .object(let fields) = encoded, let value = fields[key.stringValue] {
                node.defaultValue = value
            }
            return (key.stringValue, node)
        }
        n.required = required.map(\.stringValue)
        return n
    }
}

/// Something of the scenario spec that describes its own keys.
protocol SchemaDescribed {
    static var schema: SchemaNode { get }
}
