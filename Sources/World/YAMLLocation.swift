import Yams

/// Finds the node a key path names in a composed YAML tree, for the line and column of an error.
enum YAMLLocation {
    /// Where `problem` is: its key's mark (``YAMLProblem/Anchor/key``) or its value's, else the
    /// mark of the nearest enclosing node that exists (a missing key: the mapping that lacks it).
    static func mark(of problem: YAMLProblem, in root: Node) -> Mark? {
        let parts = problem.path.filter { !$0.isEmpty }
        if problem.anchor == .key, let last = parts.last, case .mapping(let mapping)? = walk(Array(parts.dropLast()), from: root).node,
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
        var name = Substring(part)
        var indices: [Int] = []
        while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
            let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
        {
            indices.insert(i, at: 0)
            name = name[..<open]
        }
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
}
