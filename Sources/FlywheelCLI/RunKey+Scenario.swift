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
    /// The key of the scenario file at `path`, its relative paths resolved against its folder.
    init(file path: String) throws {
        try self.init(ScenarioLoader.load(path: path), root: ScenarioPaths.folder(ofFile: path), file: path)
    }

    /// The key of `scenario`: reads its personas and its corpus manifest (paths relative to
    /// `root`, the scenario file's folder: ``ScenarioPaths``). A missing corpus, persona folder
    /// or log is an ``InputError`` naming the key path, the resolved path and `file`.
    ///
    /// The scenario part hashes the paths as written, so the key is the same from any working
    /// directory and after the project moves; the inputs' contents are hashed in their own parts.
    /// `personas`: digests of persona files already decoded (a sweep shares one between its
    /// cells); a new one unless given.
    init(_ scenario: Scenario, root: String, file: String? = nil, personas digests: PersonaDigests = PersonaDigests())
        throws
    {
        let identity = scenario.runIdentity
        try ScenarioAssembly.checkPaths(identity, root: root, file: file)
        func resolve(_ p: String) -> String { ScenarioPaths.resolve(p, against: root) }

        let manifest = try Manifest.read(path: resolve(identity.corpus) + "/" + Manifest.fileName)
        let corpus = RunKey.sha256(
            manifest.files.keys.sorted().map { "\($0) \(manifest.files[$0]!.sha256)\n" }.joined())

        let folder = URL(fileURLWithPath: resolve(identity.personas))
        var names = identity.population.map(\.persona)
        for arm in identity.armNames {
            if let l = identity.arms[arm]?.labelling { names.append(l.persona) }
        }
        var personas: [String: String] = [:]
        for name in Set(names).sorted() {
            personas[name] = try digests.digest(named: name, in: folder)
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
                throw InputError(
                    file: file, field: "arms.\(arm).log", "cannot read the annotation log '\(resolve(path))'")
            }
            var hash = SHA256()
            hash.update(Array(data))
            logs[arm] = hash.finalizeHex()
        }
        if !logs.isEmpty { self.logs = logs }
    }
}
