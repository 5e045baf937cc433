import FlywheelCore
import Yams

/// The keys a YAML mapping may hold, nested: the strict half of decoding persona files.
///
/// Types say which keys they accept through their `CodingKeys` (``StrictlyKeyed``), so the list of
/// valid keys lives in exactly one place and unknown keys can be caught before decoding.
indirect enum KeySchema: Sendable {
    /// A mapping with exactly these keys allowed (none of them required here: decoding checks that).
    case mapping([(key: String, value: KeySchema)])
    /// A sequence whose every element follows the schema.
    case sequence(KeySchema)
    /// A scalar, or anything not checked further.
    case leaf
}

/// A type whose YAML mapping keys are its `CodingKeys`.
protocol StrictlyKeyed {
    static var keySchema: KeySchema { get }
}

/// Yams decoding with strict keys and errors that name the file, line and key path.
enum StrictYAML {
    /// Decodes `T` from `yaml`, rejecting unknown keys anywhere in the tree.
    static func decode<T: Decodable & StrictlyKeyed>(_ type: T.Type, from yaml: String, file: String) throws -> T {
        let root = try compose(yaml, file: file)
        try checkKeys(root, schema: T.keySchema, path: "", file: file)
        do {
            return try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            throw inputError(error, root: root, file: file)
        }
    }

    /// Parses YAML into a node tree within ``InputLimit``'s bounds (``BoundedYAML``).
    static func compose(_ yaml: String, file: String) throws -> Node {
        try BoundedYAML.compose(yaml, file: file)
    }

    static func checkKeys(_ node: Node, schema: KeySchema, path: String, file: String) throws {
        switch (schema, node) {
        case (.mapping(let allowed), .mapping(let mapping)):
            let valid = allowed.map(\.key)
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? "\(keyNode)"
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                guard let child = allowed.first(where: { $0.key == key })?.value else {
                    var message = "unknown key '\(key)'"
                    if let near = closest(to: key, in: valid) { message += "; did you mean '\(near)'?" }
                    message += " valid keys: \(valid.sorted().joined(separator: ", "))"
                    throw InputError(file: file, line: keyNode.mark?.line, field: keyPath, message)
                }
                try checkKeys(value, schema: child, path: keyPath, file: file)
            }
        case (.mapping(let allowed), _):
            throw InputError(
                file: file, line: node.mark?.line, field: path.isEmpty ? nil : path,
                "expected a mapping with keys \(allowed.map(\.key).sorted().joined(separator: ", "))")
        case (.sequence(let element), .sequence(let seq)):
            for (i, item) in seq.enumerated() {
                try checkKeys(item, schema: element, path: "\(path)[\(i)]", file: file)
            }
        case (.sequence, _):
            throw InputError(file: file, line: node.mark?.line, field: path, "expected a list")
        case (.leaf, _):
            break
        }
    }

    /// The node at a key path such as `population[2].weight`, if present.
    static func node(at path: String, in root: Node) -> Node? {
        var node = root
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"),
                let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indices.insert(i, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty {
                guard let next = node[String(name)] else { return nil }
                node = next
            }
            for i in indices {
                guard let seq = node.sequence, i < seq.count else { return nil }
                node = seq[i]
            }
        }
        return node
    }

    /// The line of the node at `path`, or of its nearest existing parent.
    static func line(of path: String, in root: Node) -> Int? {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let n = node(at: parts.joined(separator: "."), in: root) { return n.mark?.line }
            parts.removeLast()
        }
        return root.mark?.line
    }

    static func keyPath(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let i = key.intValue {
                out += "[\(i)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }

    static func inputError(_ error: DecodingError, root: Node, file: String) -> InputError {
        switch error {
        case .keyNotFound(let key, let context):
            let path = keyPath(context.codingPath + [key])
            return InputError(
                file: file, line: line(of: keyPath(context.codingPath), in: root), field: path,
                "missing key '\(key.stringValue)'")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = keyPath(context.codingPath)
            return InputError(
                file: file, line: line(of: path, in: root), field: path,
                "expected \(describe(type)): \(context.debugDescription)")
        case .dataCorrupted(let context):
            let path = keyPath(context.codingPath)
            return InputError(file: file, line: line(of: path, in: root), field: path, context.debugDescription)
        @unknown default:
            return InputError(file: file, "\(error)")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }

    /// The valid key nearest to `key` by edit distance, when it is plausibly a typo.
    static func closest(to key: String, in valid: [String]) -> String? {
        let scored = valid.map { ($0, editDistance(key, $0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        guard let best = scored.first, best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance (insert, delete, substitute; unit costs).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}

extension KeySchema {
    /// A mapping schema from a `CodingKeys` enum, with nested schemas for some keys.
    static func keys<K: CodingKey & CaseIterable>(_: K.Type, nested: [String: KeySchema] = [:]) -> KeySchema {
        .mapping(K.allCases.map { (key: $0.stringValue, value: nested[$0.stringValue] ?? .leaf) })
    }
}
