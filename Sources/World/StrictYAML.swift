import FlywheelCore
import Yams

/// The one strict YAML loader of persona, population, scenario and sweep files.
///
/// It parses within ``InputLimit``'s bounds (``BoundedYAML``), then decodes while collecting
/// every problem (``YAMLProblem``): unknown keys, wrong types, out-of-range values, missing
/// required keys. If there is any, it throws them all as one ``InputError`` list
/// (``FlywheelCore/InputError/all``), in file order, each naming the file, line, column and key
/// path:
///
/// ```
/// scenarios/x.yaml:3:3: field "heldout.shares": unknown key 'shares'; did you mean 'share'? Valid keys: share, max
/// scenarios/x.yaml:5:13: field "replicates": 0 is out of range; allowed: 1…1000
/// ```
///
/// A type whose `Codable` conformance is synthesized names its keys with a ``KeySchema``
/// (`keys:`); one with a hand-written `init(from:)` calls
/// ``Swift/Decoder/rejectUnknownKeys(_:)`` and reports through the decoder.
public enum StrictYAML {
    /// Decodes `T` from YAML `text`; `file` names the source in errors. `keys` checks unknown
    /// keys before decoding; `check` adds the problems of a decoded value (ranges).
    public static func decode<T: Decodable>(
        _ type: T.Type, from text: String, file: String, keys: KeySchema? = nil,
        check: (T) -> [YAMLProblem] = { _ in [] }
    ) throws -> T {
        try decode(type, root: try BoundedYAML.compose(text, file: file), file: file, keys: keys, check: check)
    }

    /// Decodes `T` from a composed node tree (``BoundedYAML/compose(_:file:)``).
    public static func decode<T: Decodable>(
        _ type: T.Type, root: Node, file: String, keys: KeySchema? = nil, check: (T) -> [YAMLProblem] = { _ in [] }
    ) throws -> T {
        let keyProblems = YAMLProblems()
        if let keys { checkKeys(root, schema: keys, path: [], into: keyProblems) }
        var found = keyProblems.list, removed: [YAMLProblem] = [], tree = root, value: T?
        // A problem decoding cannot go past (a wrong type, a missing key) is listed, its value
        // removed from the tree, and the rest decoded again, so later problems are found too.
        for _ in 0..<maxRetries {
            let problems = YAMLProblems()
            let (decoded, stop) = attempt {
                try YAMLDecoder().decode(T.self, from: tree, userInfo: [YAMLProblems.key: problems])
            }
            found += problems.list.filter { p in !removed.contains { $0.lies(within: p) || p.lies(within: $0) } }
            guard let stop else {
                value = decoded
                break
            }
            let consequence =
                found.contains { $0.lies(within: stop) }
                || removed.contains { stop.lies(within: $0) || $0.lies(within: stop) }
            if !consequence { found.append(stop) }
            guard let (pruned, at) = YAMLLocation.removing(stop.path, from: tree) else { break }
            tree = pruned
            removed.append(YAMLProblem(path: at, message: ""))
        }
        if let value { check(value).forEach { found.append($0) } }
        guard found.isEmpty, let value else { throw inputError(found, root: root, file: file) }
        return value
    }

    /// How many times one file is decoded again after a problem decoding cannot go past.
    static let maxRetries = 50

    /// Runs `decode`, which hands `problems` to its decoder's `userInfo`: the value, or nil when
    /// decoding stopped at a problem it could not go past (added to `problems` unless one already
    /// collected lies within it: then it is that one's consequence). For a tree without marks
    /// (a sweep cell, decoded from JSON).
    public static func collecting<T>(into problems: YAMLProblems, _ decode: (YAMLProblems) throws -> T) -> T? {
        let (value, stop) = attempt { try decode(problems) }
        if let stop, !problems.list.contains(where: { $0.lies(within: stop) }) { problems.append(stop) }
        return value
    }

    /// The decoded value, or the problem that stopped decoding.
    static func attempt<T>(_ decode: () throws -> T) -> (T?, YAMLProblem?) {
        do {
            return (try decode(), nil)
        } catch let problem as YAMLProblem {
            return (nil, problem)
        } catch let error as DecodingError {
            return (nil, YAMLProblem(error))
        } catch {
            return (nil, YAMLProblem(path: [], message: "\(error)"))
        }
    }

    /// Every problem as an ``InputError`` at its node's line and column, in file order (problems
    /// without a place last, in the order found); repeats and the consequences of a misspelt
    /// key (``YAMLProblem/follows(from:)``) are dropped.
    public static func inputError(_ problems: [YAMLProblem], root: Node?, file: String) -> InputError {
        var seen = Set<YAMLProblem>()
        let listed = problems.filter { problem in
            seen.insert(problem).inserted && !problems.contains { problem.follows(from: $0) }
        }
        let located = listed.map { problem in
            let mark = root.flatMap { YAMLLocation.mark(of: problem, in: $0) }
            var error = InputError(
                file: file, line: mark?.line, field: problem.keyPath.isEmpty ? nil : problem.keyPath, problem.message)
            error.column = mark?.column
            return error
        }
        let ordered = located.enumerated().sorted { a, b in
            let x = (a.element.line ?? .max, a.element.column ?? .max, a.offset)
            let y = (b.element.line ?? .max, b.element.column ?? .max, b.offset)
            return x < y
        }
        return InputError.list(ordered.map(\.element))
    }

    /// Collects the keys `node` has that `schema` does not allow, and shapes that differ.
    static func checkKeys(_ node: Node, schema: KeySchema, path: [String], into problems: YAMLProblems) {
        switch (schema, node) {
        case (.mapping(let allowed), .mapping(let mapping)):
            let valid = allowed.map(\.key)
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? "\(keyNode)"
                guard let child = allowed.first(where: { $0.key == key })?.value else {
                    problems.append(YAMLProblem.unknownKey(key, at: path, valid: valid))
                    continue
                }
                checkKeys(value, schema: child, path: path + [key], into: problems)
            }
        case (.mapping(let allowed), _):
            problems.append(
                YAMLProblem(
                    path: path, message: "expected a mapping with keys \(allowed.map(\.key).joined(separator: ", "))"))
        case (.sequence(let element), .sequence(let sequence)):
            for (i, item) in sequence.enumerated() {
                checkKeys(item, schema: element, path: path + ["[\(i)]"], into: problems)
            }
        case (.sequence, _):
            problems.append(YAMLProblem(path: path, message: "expected a list"))
        case (.leaf, _):
            break
        }
    }
}

/// The keys a YAML mapping may hold, nested, for types whose `Codable` conformance is
/// synthesized: their `CodingKeys` say which keys they accept, so the list lives in one place.
public indirect enum KeySchema: Sendable {
    /// A mapping with exactly these keys allowed (none of them required here: decoding checks that).
    case mapping([(key: String, value: KeySchema)])
    /// A sequence whose every element follows the schema.
    case sequence(KeySchema)
    /// A scalar, or anything not checked further.
    case leaf

    /// A mapping schema from a `CodingKeys` enum, with nested schemas for some keys.
    public static func keys<K: CodingKey & CaseIterable>(_: K.Type, nested: [String: KeySchema] = [:]) -> KeySchema {
        .mapping(K.allCases.map { (key: $0.stringValue, value: nested[$0.stringValue] ?? .leaf) })
    }
}
