import FlywheelCore

/// Strict decoding for scenario files: a key the schema does not know is an error naming its
/// key path and the nearest valid key, instead of being silently ignored as `Codable` does.
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Thrown while decoding a scenario; carries the key path so the loader can name it.
struct ScenarioKeyError: Error {
    var path: [String]
    var message: String
}

extension Decoder {
    /// Fails when the mapping being decoded has a key that is not one of `Keys`.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let valid = Keys.allCases.map(\.stringValue)
        let present = try container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        for key in present where !valid.contains(key) {
            let nearest = valid.min { editDistance(key, $0) < editDistance(key, $1) }
            var message = "unknown key '\(key)'"
            if let nearest, editDistance(key, nearest) <= max(2, key.count / 3) {
                message += "; did you mean '\(nearest)'?"
            } else {
                message += "."
            }
            message += " Valid keys: \(valid.joined(separator: ", "))"
            throw ScenarioKeyError(path: keyPath + [key], message: message)
        }
    }

    /// The dotted key path of the value being decoded, e.g. `system.retriever.k1`.
    var keyPath: [String] { [ScenarioLoader.keyPathString(codingPath)].filter { !$0.isEmpty } }
}

/// Checks a decoded number lies in `range`; the error says the range.
func require<T: Comparable>(
    _ value: T, in range: ClosedRange<T>, _ key: String, _ decoder: any Decoder
) throws {
    guard range.contains(value) else {
        throw ScenarioKeyError(
            path: decoder.keyPath + [key],
            message: "\(value) is out of range; allowed: \(range.lowerBound)…\(range.upperBound)")
    }
}

/// Checks a persona name is a plain file name in the persona folder (no `/`, no leading `.`),
/// so `../x` cannot reach outside it.
func requirePersonaName(_ name: String, _ key: String, _ decoder: any Decoder) throws {
    guard ContainedPath.isPlainName(name) else {
        throw ScenarioKeyError(
            path: decoder.keyPath + [key],
            message: "'\(name)' is not a persona name: the file `<personas>/<name>.yaml` (no '/', not starting with '.')")
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
