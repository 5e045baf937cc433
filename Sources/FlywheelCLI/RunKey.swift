import Corpora
import FlywheelCore
import Foundation

/// What a run's results depend on, as a content address: the resolved scenario, the resolved
/// content of every persona it names, the corpus' file checksums and the Flywheel version.
///
/// ``value`` (SHA-256 hex of the canonical JSON of the parts) is stored with the run in
/// `run.sqlite` (`runs.run_key`, parts in `runs.run_key_parts`) and printed by
/// `flywheel scenario validate`. Results are reused (`--resume`, `check`, a sweep's finished
/// cells) only when the keys are equal; otherwise ``changes(since:)`` names what differs.
struct RunKey: Codable, Hashable, Sendable {
    /// SHA-256 of the resolved scenario's canonical JSON (without `expect:` and `cost:`).
    var scenario: String
    /// Persona name → SHA-256 of the resolved persona (every default filled in), canonical JSON.
    var personas: [String: String]
    /// SHA-256 over the corpus manifest's files: `name sha256` lines, sorted by name.
    var corpus: String
    /// ``FlywheelCore/FlywheelVersion/current``.
    var version: String
    /// Arm name → SHA-256 of the annotation log a `feedback: logged` arm replays; absent (and
    /// not in the parts) when no arm reads a log.
    var logs: [String: String]?

    /// The parts as canonical JSON (sorted keys), as `runs.run_key_parts` stores them.
    var partsJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The key: SHA-256 hex of ``partsJSON``.
    var value: String { RunKey.sha256(partsJSON) }

    /// Reads stored parts; nil when absent or unreadable.
    init?(partsJSON: String?) {
        guard let partsJSON, let key = try? JSONDecoder().decode(RunKey.self, from: Data(partsJSON.utf8)) else {
            return nil
        }
        self = key
    }

    init(scenario: String, personas: [String: String], corpus: String, version: String) {
        self.scenario = scenario
        self.personas = personas
        self.corpus = corpus
        self.version = version
    }

    /// What differs from `stored`, in a fixed order: `scenario`, `persona NAME` (each persona
    /// added, removed or changed), `corpus`, `version`. Empty when the keys are equal.
    func changes(since stored: RunKey) -> [String] {
        var out: [String] = []
        if scenario != stored.scenario { out.append("scenario") }
        for name in Set(personas.keys).union(stored.personas.keys).sorted()
        where personas[name] != stored.personas[name] {
            out.append("persona \(name)")
        }
        if corpus != stored.corpus { out.append("corpus") }
        if version != stored.version { out.append("version (\(stored.version) → \(version))") }
        for arm in Set((logs ?? [:]).keys).union((stored.logs ?? [:]).keys).sorted()
        where logs?[arm] != stored.logs?[arm] {
            out.append("log of arm \(arm)")
        }
        return out
    }

    static func sha256(_ text: String) -> String {
        var hash = SHA256()
        hash.update(Array(text.utf8))
        return hash.finalizeHex()
    }
}
