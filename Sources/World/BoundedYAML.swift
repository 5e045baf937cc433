import FlywheelCore
import Foundation
import Yams

/// Reads scenario and persona YAML within ``InputLimit``'s bounds — file size, nesting depth,
/// nodes once aliases are expanded — and turns every syntax problem into one ``InputError``
/// line with the file, line and column: a duplicate key is named, deep nesting says so.
///
/// ```swift
/// let root = try BoundedYAML.compose(text, file: "scenarios/x.yaml")
/// // scenarios/x.yaml:4:1: duplicate key 'seed' (first on line 2)
/// ```
public enum BoundedYAML {
    /// The text of the YAML file at `path`: a regular file of at most the size limit (checked
    /// before reading), valid UTF-8. `what` names it in errors ("scenario file").
    public static func read(path: String, what: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InputError(file: path, "cannot read the \(what): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw InputError(file: path, "the \(what) is not a regular file")
        }
        if Int64(info.st_size) > InputLimit.yamlBytes.value { throw InputLimit.yamlBytes.exceeded(file: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the \(what)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, "the \(what) is not valid UTF-8")
        }
        return text
    }

    /// Parses one YAML document into a node tree, or throws the first problem.
    public static func compose(_ yaml: String, file: String) throws -> Node {
        if Int64(yaml.utf8.count) > InputLimit.yamlBytes.value {
            throw InputLimit.yamlBytes.exceeded(file: file)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw inputError(error, yaml: yaml, file: file)
        }
        guard let node else { throw InputError(file: file, "empty YAML document") }
        var budget = InputLimit.yamlNodes.value
        try checkShape(node, depth: 1, budget: &budget, file: file)
        return node
    }

    /// Walks the tree as decoding will (aliases expanded), refusing deep nesting and stopping
    /// as soon as the node budget runs out, so an alias bomb costs at most the budget.
    static func checkShape(_ node: Node, depth: Int64, budget: inout Int64, file: String) throws {
        budget -= 1
        if budget < 0 { throw InputLimit.yamlNodes.exceeded(file: file, line: node.mark?.line) }
        if depth > InputLimit.yamlDepth.value { throw InputLimit.yamlDepth.exceeded(file: file, line: node.mark?.line) }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                try checkShape(key, depth: depth + 1, budget: &budget, file: file)
                try checkShape(value, depth: depth + 1, budget: &budget, file: file)
            }
        case .sequence(let sequence):
            for item in sequence { try checkShape(item, depth: depth + 1, budget: &budget, file: file) }
        default:
            break
        }
    }

    /// One line for a Yams error: where, and what (never the source snippet Yams appends).
    static func inputError(_ error: YamlError, yaml: String, file: String) -> InputError {
        func at(_ mark: Mark, _ message: String) -> InputError { at2((mark.line, mark.column), message) }
        func at2(_ place: (line: Int, column: Int), _ message: String) -> InputError {
            var e = InputError(file: file, line: place.line, "YAML syntax: " + message)
            e.column = place.column
            return e
        }
        func described(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) on line \(context.mark.line))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") || (context?.text.contains("Maximum nesting level") ?? false) {
                return InputLimit.yamlDepth.exceeded(file: file, line: mark.line)
            }
            return at(mark, described(context, problem))
        case .reader(let problem, let offset, _, _):
            let line = offset.map { o in yaml.prefix(o).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
            return InputError(file: file, line: line, "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let first = context.mark
            let second = repeatedKeyLine(key, after: first, in: yaml)
            return at2(
                second ?? (first.line, first.column),
                "duplicate key '\(key)' in one mapping" + (second != nil ? " (first on line \(first.line))" : ""))
        default:
            return InputError(file: file, "not valid YAML: \(error)".split(separator: "\n").joined(separator: " "))
        }
    }

    /// Where `key:` appears again at the first occurrence's indentation, after it: the line a
    /// duplicate key error should point at (nil when it cannot be found, e.g. in flow style).
    static func repeatedKeyLine(_ key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line >= 1, first.line <= lines.count else { return nil }
        for (i, line) in lines.enumerated().dropFirst(first.line) {
            let text = line.dropFirst(indent)
            guard line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }),
                text.hasPrefix(key), text.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":")
            else { continue }
            return (i + 1, first.column)
        }
        return nil
    }
}
