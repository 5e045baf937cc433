import FlywheelCore
import Foundation

extension Persona {
    /// Decodes and validates a persona from YAML text: unknown keys, missing keys, wrong types
    /// and out-of-range values are ``InputError``s naming `file`, the line, column and key
    /// path, every one of them (``StrictYAML``).
    public static func load(yaml: String, file: String) throws -> Persona {
        try StrictYAML.decode(Persona.self, from: yaml, file: file, keys: Persona.keySchema) { persona in
            persona.rangeProblems().map { YAMLProblem(keyPath: $0.keyPath, message: $0.message) }
        }
    }

    /// Loads a persona file.
    public static func load(contentsOf url: URL) throws -> Persona {
        try load(yaml: try BoundedYAML.read(path: url.path, what: "persona file"), file: url.path)
    }

    /// Loads `NAME.yaml` from `folder` (e.g. `scenarios/personas`); its `name` must be `NAME`.
    public static func load(named name: String, in folder: URL) throws -> Persona {
        let file = try source(named: name, in: folder)
        return try load(named: name, yaml: file.text, file: file.path)
    }

    /// The path and text of `NAME.yaml` in `folder`, unparsed: what ``load(named:in:)`` reads
    /// (a plain name, a regular file inside the folder, within the YAML size limit).
    public static func source(named name: String, in folder: URL) throws -> (path: String, text: String) {
        guard ContainedPath.isPlainName(name) else {
            throw InputError(
                "'\(name)' is not a persona name (a file name in the persona folder: no '/', not starting with '.')")
        }
        let url = folder.appendingPathComponent("\(name).yaml")
        let inside = try ContainedPath.resolve(
            "\(name).yaml", in: folder.path, source: .init(file: url.path, field: "persona"))
        guard inside != nil else {
            let known = available(in: folder)
            throw InputError(
                file: url.path,
                "no persona named '\(name)'" + (known.isEmpty ? "" : "; available: \(known.joined(separator: ", "))"))
        }
        return (url.path, try BoundedYAML.read(path: url.path, what: "persona file"))
    }

    /// Decodes `yaml`, the text of persona file `file`, whose `name` must be `name`.
    public static func load(named name: String, yaml: String, file: String) throws -> Persona {
        let persona = try load(yaml: yaml, file: file)
        guard persona.name == name else {
            throw InputError(file: file, field: "name", "'\(persona.name)' does not match the file name '\(name)'")
        }
        return persona
    }

    /// Names of the persona files (`*.yaml`) in `folder`, sorted.
    public static func available(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}

import Yams

extension Persona {
    /// The persona as YAML (snake_case keys, `.inf` for infinite values), as `persona show` prints it.
    public func yamlText() throws -> String {
        // Yams writes floats as `6e-1`; print them the way people write them (`0.6`, `12`, `.inf`).
        try YAMLEncoder().encode(self).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let cut =
                line.range(of: ": ")?.upperBound
                ?? (line.trimmingCharacters(in: .whitespaces).hasPrefix("- ") ? line.range(of: "- ")?.upperBound : nil)
            guard let cut else { return String(line) }
            let value = line[cut...].trimmingCharacters(in: .whitespaces)
            guard value.contains("e"), let number = Double(value) else { return String(line) }
            let plain = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
            return line[..<cut] + plain
        }.joined(separator: "\n")
    }
}
