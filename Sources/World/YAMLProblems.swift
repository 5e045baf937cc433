import FlywheelCore

/// The problems collected while one input is decoded: handed to the decoder in its `userInfo`
/// by ``StrictYAML``, filled by ``Swift/Decoder/report(_:)``.
///
/// Unchecked `Sendable` because a decoder's `userInfo` must be: one instance serves one
/// synchronous decode on one thread and is read only after it returns.
public final class YAMLProblems: @unchecked Sendable {
    public private(set) var list: [YAMLProblem] = []

    public init() {}

    public func append(_ problem: YAMLProblem) { list.append(problem) }

    /// The `userInfo` key under which a decoder finds the collection.
    public static let key = CodingUserInfoKey(rawValue: "flywheel.yaml-problems")!
}

extension Decoder {
    /// Records `problem` when the decode collects problems (``StrictYAML``), so decoding goes on
    /// with the default; throws it otherwise.
    public func report(_ problem: YAMLProblem) throws {
        guard let problems = userInfo[YAMLProblems.key] as? YAMLProblems else { throw problem }
        problems.append(problem)
    }

    /// Reports a problem with the value at `path` (``YAMLProblem/path``).
    public func report(path: [String], message: String) throws {
        try report(YAMLProblem(path: path, message: message))
    }

    /// Reports a problem with the value at `key` of the mapping being decoded.
    public func report(_ key: String, _ message: String) throws {
        try report(YAMLProblem(path: keyPath + [key], message: message))
    }

    /// Path components of the value being decoded (``YAMLProblem/path``).
    public var keyPath: [String] { YAMLProblem.components(codingPath) }

    /// Reports every key of the mapping being decoded that is not one of `Keys`: "unknown key
    /// 'x'; did you mean 'y'? Valid keys: …", the valid keys in declaration order.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let valid = Keys.allCases.map(\.stringValue)
        for key in try container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue) where !valid.contains(key) {
            try report(YAMLProblem.unknownKey(key, at: keyPath, valid: valid))
        }
    }

    /// Reports `value` at `key` when it lies outside `range`: "N is out of range; allowed: lo…hi".
    public func require<T: Comparable>(_ value: T, in range: ClosedRange<T>, _ key: String) throws {
        guard !range.contains(value) else { return }
        try report(key, "\(value) is out of range; allowed: \(range.lowerBound)…\(range.upperBound)")
    }
}

extension YAMLProblem {
    /// The one wording of an unknown key, for scenario, sweep and persona files alike: "unknown
    /// key 'x'; did you mean 'y'? Valid keys: …" (or "unknown key 'x'. Valid keys: …").
    public static func unknownKey(_ key: String, at parent: [String], valid: [String]) -> YAMLProblem {
        let near = Suggestion.nearest(to: key, in: valid)
        let hint = near.map { "; did you mean '\($0)'?" } ?? "."
        return YAMLProblem(
            path: parent + [key], message: "unknown key '\(key)'\(hint) Valid keys: \(valid.joined(separator: ", "))",
            anchor: .key, suggestion: near)
    }
}

/// Any string or integer key, for reading the keys a mapping actually has.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int?
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
