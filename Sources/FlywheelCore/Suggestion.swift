/// "Did you mean" for a name that is not one of a closed list (a YAML key, an arm, a metric):
/// the nearest valid name by edit distance, when it is close enough to be a plausible typo.
///
/// ```swift
/// Suggestion.nearest(to: "depht", in: ["depth", "epochs"])   // "depth"
/// Suggestion.didYouMean("depht", in: ["depth", "epochs"])    // "; did you mean 'depth'?"
/// ```
public enum Suggestion {
    /// The valid name nearest to `name` (ties: the earlier in `valid`), or nil when even the
    /// nearest is more than max(2, a third of `name`'s length) edits away.
    public static func nearest(to name: String, in valid: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in valid {
            let d = editDistance(name, candidate)
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, name.count / 3) else { return nil }
        return best.name
    }

    /// `; did you mean 'NAME'?` for the nearest valid name, or "" when none is near.
    public static func didYouMean(_ name: String, in valid: [String]) -> String {
        nearest(to: name, in: valid).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance between two strings, by characters (insert, delete, substitute; unit
    /// costs).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitute)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
