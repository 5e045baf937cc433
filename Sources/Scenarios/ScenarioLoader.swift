import Foundation
import FlywheelCore
import World

/// Reads scenario files, turning every decoding problem into an ``InputError`` that names the
/// file, line, column and key path.
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`.
    public static func load(path: String) throws -> Scenario {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, "cannot read the scenario file (missing or unreadable)")
        }
        return try decode(try BoundedYAML.read(path: path, what: "scenario file"), file: path)
    }

    /// Decodes scenario YAML `text`; `file` only names the source in errors. Every problem of
    /// the file is listed (``StrictYAML``), in file order, with its line and column.
    public static func decode(_ text: String, file: String = "<scenario>") throws -> Scenario {
        try StrictYAML.decode(Scenario.self, from: text, file: file)
    }
}

extension Scenario {
    /// The fully resolved scenario as canonical JSON (sorted keys): what a run records.
    public func canonicalJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding these plain value types cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A short stable hash of the resolved scenario (FNV-1a 64 of the canonical JSON, hex).
    public var resolvedHash: String {
        let h = StableHash.fnv1a(canonicalJSON())
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
