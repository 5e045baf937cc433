import Corpora
import FlywheelCore
import Foundation
import Scenarios
import World

extension Scenario {
    /// The scenario as a run records it: `expect:` and `cost:` do not change what is run, so they
    /// are not part of its identity (editing an assertion reuses finished results).
    var runIdentity: Scenario {
        var identity = self
        identity.expect = []
        identity.cost = CostModel()
        return identity
    }
}

extension RunKey {
    /// The key of `scenario`: reads its personas and its corpus manifest (paths relative to
    /// `root`). A missing corpus or persona is an ``InputError`` naming it.
    init(_ scenario: Scenario, root: String = FileManager.default.currentDirectoryPath) throws {
        let identity = scenario.runIdentity
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : root + "/" + p }

        let manifestPath = resolve(identity.corpus) + "/" + Manifest.fileName
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw InputError(field: "corpus", "no corpus at '\(resolve(identity.corpus))' (expected \(Manifest.fileName) there)")
        }
        let manifest = try Manifest.read(path: manifestPath)
        let corpus = RunKey.sha256(manifest.files.keys.sorted().map { "\($0) \(manifest.files[$0]!.sha256)\n" }.joined())

        let folder = URL(fileURLWithPath: resolve(identity.personas))
        var names = identity.population.map(\.persona)
        for arm in identity.armNames {
            if let l = identity.arms[arm]?.labelling { names.append(l.persona) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var personas: [String: String] = [:]
        for name in Set(names).sorted() {
            let persona = try Persona.load(named: name, in: folder)
            personas[name] = RunKey.sha256(String(decoding: try encoder.encode(persona), as: UTF8.self))
        }
        self.init(
            scenario: RunKey.sha256(identity.canonicalJSON()), personas: personas, corpus: corpus,
            version: FlywheelVersion.current)
        var logs: [String: String] = [:]
        for arm in identity.armNames {
            guard let path = identity.arms[arm]?.log else { continue }
            guard !ContainedPath.existsButIsNotARegularFile(resolve(path)),
                let data = FileManager.default.contents(atPath: resolve(path))
            else {
                throw InputError(field: "arms.\(arm).log", "cannot read the annotation log '\(resolve(path))'")
            }
            var hash = SHA256()
            hash.update(Array(data))
            logs[arm] = hash.finalizeHex()
        }
        if !logs.isEmpty { self.logs = logs }
    }
}
