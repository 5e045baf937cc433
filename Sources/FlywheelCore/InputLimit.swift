import Foundation

/// Every bound on what Flywheel reads, in one place: exceeding one is an ``InputError`` (exit 2,
/// one line) naming the file and the limit, never a hang or a multi-gigabyte allocation.
///
/// Each limit may be raised (or lowered) with its environment variable, e.g.
/// `FLYWHEEL_MAX_LINE_BYTES=268435456 flywheel run …`; docs/reliability.md lists them (a test
/// checks the table against this enum).
///
/// ```swift
/// if length > InputLimit.lineBytes.value { throw InputLimit.lineBytes.exceeded(file: path, line: n) }
/// ```
public enum InputLimit: String, CaseIterable, Sendable {
    /// One line of a JSON lines file (corpus, annotation log), decompressed.
    case lineBytes
    /// Everything one zstd file decompresses to.
    case decompressedBytes
    /// Decompressed bytes per compressed byte of a zstd file (a "zip bomb"), checked once a file
    /// has decompressed to more than ``ratioFloorBytes``.
    case compressionRatio
    /// Nesting of arrays and objects within one JSON line.
    case jsonDepth
    /// A scenario or persona YAML file.
    case yamlBytes
    /// Nesting of mappings and sequences in a YAML file.
    case yamlDepth
    /// Nodes of a YAML file once every alias is expanded (a "billion laughs" document).
    case yamlNodes

    /// The bound when its environment variable is not set.
    public var defaultValue: Int64 {
        switch self {
        case .lineBytes: 64 << 20
        case .decompressedBytes: 256 << 30
        case .compressionRatio: 1_000
        case .jsonDepth: 256
        case .yamlBytes: 4 << 20
        case .yamlDepth: 64
        case .yamlNodes: 100_000
        }
    }

    /// The unit the value is counted in, for messages and docs.
    public var unit: String {
        switch self {
        case .lineBytes, .decompressedBytes, .yamlBytes: "bytes"
        case .compressionRatio: "to 1"
        case .jsonDepth, .yamlDepth: "levels"
        case .yamlNodes: "nodes"
        }
    }

    /// What is bounded, for messages and docs.
    public var what: String {
        switch self {
        case .lineBytes: "one line of a JSON lines file"
        case .decompressedBytes: "what one zstd file decompresses to"
        case .compressionRatio: "decompressed to compressed size of a zstd file"
        case .jsonDepth: "nesting within one JSON line"
        case .yamlBytes: "a scenario or persona file"
        case .yamlDepth: "nesting of a YAML file"
        case .yamlNodes: "nodes of a YAML file with its aliases expanded"
        }
    }

    /// `FLYWHEEL_MAX_LINE_BYTES`, …
    public var environmentVariable: String {
        "FLYWHEEL_MAX_"
            + rawValue.reduce(into: "") { out, c in
                if c.isUppercase { out += "_" }
                out += c.uppercased()
            }
    }

    /// The ratio bound applies only past this many decompressed bytes: small files of repeated
    /// text legitimately compress very well.
    public static let ratioFloorBytes: Int64 = 64 << 20

    /// The bound in force: the environment variable's value when set to a positive integer,
    /// else ``defaultValue`` (``checkEnvironment()`` refuses other values at start-up).
    public var value: Int64 { Self.inForce[self] ?? defaultValue }

    /// The bounds as the environment set them when first needed (read once: the readers check
    /// them on hot paths).
    private static let inForce: [InputLimit: Int64] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, (try? $0.configured()).flatMap { $0 } ?? $0.defaultValue) })

    /// The environment variable's value, nil when unset; throws when it is not a positive integer.
    public func configured(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int64? {
        guard let text = environment[environmentVariable] else { return nil }
        guard let n = Int64(text.trimmingWhitespace()), n > 0 else {
            throw InputError(field: environmentVariable, "expected a positive integer (\(unit)), got \"\(text)\"")
        }
        return n
    }

    /// Throws the first limit whose environment variable is set to something unusable.
    public static func checkEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        for limit in allCases { _ = try limit.configured(environment) }
    }

    /// The error for going past this limit at `file` (and `line`, when there is one).
    /// `bound` is the value in force where a reader was given its own (tests lower them).
    public func exceeded(file: String?, line: Int? = nil, field: String? = nil, bound: Int64? = nil) -> InputError {
        InputError(
            file: file, line: line, field: field,
            "exceeds the limit on \(what): \(bound ?? value) \(unit) (set \(environmentVariable) to allow more)")
    }
}
