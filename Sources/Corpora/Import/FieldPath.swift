import FlywheelCore

/// A dotted path to a field of a JSON object, as given on the command line: `title`,
/// `metadata.title`. Several paths separated by commas (`question,answer`) join the texts they
/// find with a newline.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public let alternatives: [[String]]
    public let description: String

    public init(_ spec: String) {
        description = spec
        alternatives = spec.split(separator: ",").map { $0.split(separator: ".").map(String.init) }
    }

    /// The values found, one per comma-separated path (nil where the path is absent or null).
    func values(in object: JSONValue) -> [JSONValue?] {
        alternatives.map { keys in
            var v: JSONValue? = object
            for k in keys { v = v?[k] }
            if case .null = v { return nil }
            return v
        }
    }

    /// The single value at this path (the first path only).
    func value(in object: JSONValue) -> JSONValue? { values(in: object).first ?? nil }

    func optionalText(in object: JSONValue, file: String, line: Int) throws -> String? {
        var parts: [String] = []
        for v in values(in: object) {
            guard let v else { continue }
            guard let t = v.textValue else {
                throw InputError(file: file, line: line, field: description, "expected a string, found \(v.typeName)")
            }
            parts.append(t)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    func requiredText(in object: JSONValue, file: String, line: Int) throws -> String {
        guard let t = try optionalText(in: object, file: file, line: line) else {
            throw InputError(file: file, line: line, field: description, "missing required field")
        }
        return t
    }

    /// An ISO-8601 string or a number of seconds since the epoch.
    func optionalTimestamp(in object: JSONValue, file: String, line: Int) throws -> Timestamp? {
        guard let v = value(in: object) else { return nil }
        switch v {
        case .number(let d):
            guard let seconds = Int64(exactly: d.rounded(.down)), abs(seconds) < 1 << 40 else {
                throw InputError(
                    file: file, line: line, field: description, "\(d) is not a usable number of seconds since 1970")
            }
            return Timestamp(secondsSinceEpoch: seconds)
        case .string(let s):
            guard let t = Timestamp(iso8601: s) else {
                throw InputError(
                    file: file, line: line, field: description,
                    "expected an ISO-8601 UTC time like 2026-01-05T09:30:00Z, got \"\(s)\"")
            }
            return t
        default:
            throw InputError(file: file, line: line, field: description, "expected a time, found \(v.typeName)")
        }
    }
}
