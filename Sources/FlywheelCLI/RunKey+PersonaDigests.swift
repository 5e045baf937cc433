import FlywheelCore
import Foundation
import World

extension RunKey {
    /// The key's digests of persona files, each file decoded once however many keys name it:
    /// a sweep's cells share their personas, and decoding one (strict YAML, every default
    /// filled in) was most of a cell's key.
    ///
    /// A digest is remembered under the file's path *and its text*, read anew for every key:
    /// an edited file is decoded again and gets its own digest, so results are still reused
    /// only when every input's content is unchanged. Safe to share between threads.
    ///
    /// ```swift
    /// let digests = RunKey.PersonaDigests()
    /// let keys = try cells.map { try RunKey($0.scenario, root: root, personas: digests) }
    /// ```
    final class PersonaDigests: Sendable {
        private let known = Locked([String: String]())

        /// How many persona files have been decoded (each distinct path and text once).
        var decoded: Int { known.withLock { $0.count } }

        /// SHA-256 of the canonical JSON of persona `name` in `folder`, resolved (every
        /// default filled in): the persona's part of a run key. Errors as
        /// ``World/Persona/load(named:in:)``'s.
        func digest(named name: String, in folder: URL) throws -> String {
            let file = try Persona.source(named: name, in: folder)
            let memoKey = file.path + "\u{0}" + file.text
            if let digest = known.withLock({ $0[memoKey] }) { return digest }
            let persona = try Persona.load(named: name, yaml: file.text, file: file.path)
            let digest = RunKey.sha256(String(decoding: try RunKey.canonicalEncoder.encode(persona), as: UTF8.self))
            known.withLock { $0[memoKey] = digest }
            return digest
        }
    }

    /// Sorted keys, unescaped slashes and non-finite numbers as text: the encoding a key's
    /// parts are hashed in.
    static var canonicalEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}
