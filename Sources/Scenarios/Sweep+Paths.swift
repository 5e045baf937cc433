extension Sweep {
    /// `value`, which a sweep file sets at `path`, with each relative path it holds for a path
    /// key (``ScenarioPaths/isPathKey(_:)``) rebased from the sweep file's folder `from` to the
    /// base scenario's folder `to` (the root its cells resolve against). Kept relative, so a
    /// cell's hash does not depend on where the project lies.
    ///
    /// ```swift
    /// // sweep in /p/scenarios/sweeps, base in /p/scenarios: "../../corpora/x" becomes "../corpora/x"
    /// ```
    static func rebasingPaths(_ value: JSONValue, at path: SweepKeyPath, from: String, to: String) -> JSONValue {
        let names: [String?] = path.segments.map {
            if case .key(let k) = $0 { k } else { nil }
        }
        return rebasing(value, names: names, from: from, to: to)
    }

    private static func rebasing(_ value: JSONValue, names: [String?], from: String, to: String) -> JSONValue {
        switch value {
        case .string(let s) where ScenarioPaths.isPathKey(names) && !s.hasPrefix("/"):
            return .string(ScenarioPaths.relative(ScenarioPaths.resolve(s, against: from), from: to))
        case .object(let members) where names.count < 3:
            var out: [String: JSONValue] = [:]
            for (key, member) in members { out[key] = rebasing(member, names: names + [key], from: from, to: to) }
            return .object(out)
        default:
            return value
        }
    }
}
