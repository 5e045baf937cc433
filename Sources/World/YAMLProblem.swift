import FlywheelCore

/// One problem of a YAML input, found while decoding it: where (a key path, and whether the key
/// itself or its value is wrong) and what. ``StrictYAML`` turns problems into ``InputError``s
/// with the file, line and column of the node the path names.
///
/// Decoders report problems through the decoder (``Swift/Decoder/report(_:)``): while
/// ``StrictYAML`` decodes, each is collected and decoding goes on, so one run lists every
/// problem of a file; anywhere else (a sweep cell, a test) the first one is thrown.
public struct YAMLProblem: Error, Sendable, Hashable {
    /// What a problem's line and column point at.
    public enum Anchor: Sendable, Hashable {
        /// The key at the end of the path (an unknown key).
        case key
        /// The value at the path, or its nearest enclosing value when absent (a missing key).
        case value
    }

    /// Key path components: keys, `[i]` indices, or both (`expect[2]`); joined by ``keyPath``.
    public var path: [String]
    public var message: String
    public var anchor: Anchor
    /// For an unknown key, the valid key it is probably a typo of: a problem about that key
    /// (missing, say) is then this one's consequence and not listed.
    public var suggestion: String?

    public init(path: [String], message: String, anchor: Anchor = .value, suggestion: String? = nil) {
        self.path = path
        self.message = message
        self.anchor = anchor
        self.suggestion = suggestion
    }

    /// A problem at a dotted key path such as `preference.margins[1]` (keys without dots).
    public init(keyPath: String, message: String) {
        self.init(path: keyPath.split(separator: ".").map(String.init), message: message)
    }

    /// `a.b[2].c`: components joined by dots, indices attached to what they index.
    public var keyPath: String {
        var out = ""
        for part in path where !part.isEmpty {
            out += out.isEmpty || part.hasPrefix("[") ? part : "." + part
        }
        return out
    }

    /// Whether this problem's key path is `other`'s or lies below it (`a.b[1]` within `a.b`).
    public func lies(within other: YAMLProblem) -> Bool {
        let mine = keyPath, theirs = other.keyPath
        guard mine.hasPrefix(theirs) else { return false }
        let rest = mine.dropFirst(theirs.count)
        return theirs.isEmpty || rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
    }

    /// Whether this problem follows from `typo`, an unknown key with a suggestion: it is about the
    /// suggested key (or below it) in the same mapping, e.g. "required" after a misspelling.
    public func follows(from typo: YAMLProblem) -> Bool {
        guard let suggestion = typo.suggestion, typo.anchor == .key, typo != self else { return false }
        return lies(within: YAMLProblem(path: typo.path.dropLast() + [suggestion], message: ""))
    }

    /// Path components of a coding path: keys by name, indices as `[i]`.
    public static func components(_ codingPath: [any CodingKey]) -> [String] {
        codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
    }
}

extension YAMLProblem {
    /// The problem a `DecodingError` describes, in the loaders' wording: "required key is
    /// missing", "expected an integer", a value's own message. A problem a decoder threw inside
    /// a nested value comes back as itself.
    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: Self.components(context.codingPath + [key]), message: "required key is missing")
        case .typeMismatch(let type, let context):
            self.init(path: Self.components(context.codingPath), message: "expected \(Self.typeName(type))")
        case .valueNotFound(let type, let context):
            self.init(
                path: Self.components(context.codingPath), message: "expected \(Self.typeName(type)), found nothing")
        case .dataCorrupted(let context):
            if let inner = context.underlyingError as? YAMLProblem {
                self = inner
            } else if let inner = context.underlyingError as? DecodingError {
                self.init(inner)
            } else {
                self.init(path: Self.components(context.codingPath), message: context.debugDescription)
            }
        @unknown default:
            self.init(path: [], message: "\(error)")
        }
    }

    /// How a type reads in "expected …".
    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type, is UInt64.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "\(type)"
        }
    }
}
