import Yams

/// Finds the node a key path names in a composed YAML tree, for the line and column of an error.
enum YAMLLocation {
    /// Where `problem` is: its key's mark (``YAMLProblem/Anchor/key``) or its value's, else the
    /// mark of the nearest enclosing node that exists (a missing key: the mapping that lacks it).
    static func mark(of problem: YAMLProblem, in root: Node) -> Mark? {
        let parts = problem.path.filter { !$0.isEmpty }
        if problem.anchor == .key, let last = parts.last,
            case .mapping(let mapping)? = walk(Array(parts.dropLast()), from: root).node,
            let key = mapping.keys.first(where: { $0.string == last })
        {
            return key.mark
        }
        return walk(parts, from: root).deepest.mark
    }

    /// The node at `parts` (nil when absent) and the deepest node reached on the way.
    static func walk(_ parts: [String], from root: Node) -> (node: Node?, deepest: Node) {
        var node = root
        for part in parts {
            guard let next = step(part, from: node) else { return (nil, node) }
            node = next
        }
        return (node, node)
    }

    /// One component: a key (possibly containing dots or brackets, as sweep key paths do), or a
    /// key followed by `[i]` indices, or indices alone.
    static func step(_ part: String, from node: Node) -> Node? {
        if let value = node[part] { return value }
        let (name, indices) = splitIndices(part)
        var current = node
        if !name.isEmpty {
            guard let value = current[String(name)] else { return nil }
            current = value
        }
        for i in indices {
            guard let sequence = current.sequence, i >= 0, i < sequence.count else { return nil }
            current = sequence[i]
        }
        return current
    }

    /// `root` without the value at `path` (or, when that is absent, without the nearest enclosing
    /// value that is a mapping's), and the path removed; nil when nothing can be removed. Only
    /// mapping entries are removed, never list items, so later indices keep their meaning.
    static func removing(_ path: [String], from root: Node) -> (Node, [String])? {
        var parts = path.filter { !$0.isEmpty }
        while !parts.isEmpty {
            let parent = walk(Array(parts.dropLast()), from: root).node
            if let last = parts.last, case .mapping(var mapping)? = parent, mapping[last] != nil {
                mapping[last] = nil
                return replacing(Array(parts.dropLast()), in: root, with: .mapping(mapping)).map { ($0, parts) }
            }
            parts = dropLastKey(parts)
        }
        return nil
    }

    /// `parts` up to the last key before it: `a.b[2].c` → `a.b[2]` → `a` (`b[2]` is an item).
    static func dropLastKey(_ parts: [String]) -> [String] {
        guard let last = parts.last else { return [] }
        var rest = Array(parts.dropLast())
        if last.hasSuffix("]"), let open = last.firstIndex(of: "["), open != last.startIndex {
            rest.append(String(last[..<open]))  // `b[2]`: the item goes with its list, `b`
        }
        return rest
    }

    /// `node` with the value at `parts` replaced by `value` (nil when `parts` is not there).
    static func replacing(_ parts: [String], in node: Node, with value: Node) -> Node? {
        guard let first = parts.first else { return value }
        let rest = Array(parts.dropFirst())
        if case .mapping(var mapping) = node, let child = mapping[first] {
            guard let new = replacing(rest, in: child, with: value) else { return nil }
            mapping[first] = new
            return .mapping(mapping)
        }
        let (name, indices) = splitIndices(first)
        guard !indices.isEmpty else { return nil }
        let expanded = (name.isEmpty ? [] : [String(name)]) + indices.map { "[\($0)]" } + rest
        if name.isEmpty, case .sequence(var sequence) = node, let i = indices.first, i >= 0, i < sequence.count {
            guard let new = replacing(Array(expanded.dropFirst()), in: sequence[i], with: value) else { return nil }
            sequence[i] = new
            return .sequence(sequence)
        }
        return expanded.count > parts.count ? replacing(expanded, in: node, with: value) : nil
    }

    /// A path component's key and its trailing `[i]` indices: `b[2][0]` → (`b`, [2, 0]),
    /// `[1]` → ("", [1]), `b` → (`b`, []).
    static func splitIndices(_ part: String) -> (name: Substring, indices: [Int]) {
        var name = Substring(part)
        var indices: [Int] = []
        while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
            let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
        {
            indices.insert(i, at: 0)
            name = name[..<open]
        }
        return (name, indices)
    }
}
