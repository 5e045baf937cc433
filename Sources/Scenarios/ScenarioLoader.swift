import Foundation
import FlywheelCore
import World
import Yams

/// Reads scenario files, turning every decoding problem into an ``InputError`` that names the
/// file and the key path.
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`.
    public static func load(path: String) throws -> Scenario {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, "cannot read the scenario file (missing or unreadable)")
        }
        return try decode(try BoundedYAML.read(path: path, what: "scenario file"), file: path)
    }

    /// Decodes scenario YAML `text`; `file` only names the source in errors.
    public static func decode(_ text: String, file: String = "<scenario>") throws -> Scenario {
        let root = try BoundedYAML.compose(text, file: file)
        do {
            return try YAMLDecoder().decode(Scenario.self, from: root)
        } catch let error as ScenarioKeyError {
            throw InputError(file: file, field: error.path.joined(separator: "."), error.message)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, let inner = context.underlyingError as? ScenarioKeyError {
                throw InputError(file: file, field: inner.path.joined(separator: "."), inner.message)
            }
            if case .dataCorrupted(let context) = error, let inner = context.underlyingError as? DecodingError {
                throw inputError(inner, file: file)
            }
            throw inputError(error, file: file)
        } catch let error as YamlError {
            throw InputError(file: file, "not valid YAML: \(error)")
        }
    }

    static func inputError(_ error: DecodingError, file: String) -> InputError {
        func path(_ context: DecodingError.Context, _ extra: String? = nil) -> String? {
            let keys = keyPathString(context.codingPath) + (extra.map { $0 } ?? "")
            return keys.isEmpty ? nil : keys
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context).map { $0 + "." } ?? ""
            return InputError(file: file, field: prefix + key.stringValue, "required key is missing")
        case .typeMismatch(let type, let context):
            return InputError(file: file, field: path(context), "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return InputError(file: file, field: path(context), "expected \(typeName(type)), found nothing")
        case .dataCorrupted(let context):
            return InputError(file: file, field: path(context), context.debugDescription)
        @unknown default:
            return InputError(file: file, "\(error)")
        }
    }

    /// `a.b[2].c` from a coding path.
    static func keyPathString(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type, is UInt64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "\(type)"
        }
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
