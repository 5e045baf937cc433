import Corpora
import WorldGenerator
import FlywheelCore
import Foundation
import FlywheelTestSupport
import WorldTruth

/// A results folder's neighbourhood for reliability tests: its own copy of two personas (so a
/// test can edit them) and scenarios over the shared tiny corpus or a corpus of its own.
struct ReliabilityFixture {
    let cli: CLIFixture
    var directory: String { cli.directory }
    var personas: String { directory + "/personas" }

    init(_ label: String) throws {
        cli = try CLIFixture(label)
        try FileManager.default.createDirectory(atPath: personas, withIntermediateDirectories: true)
        for name in ["careful-expert", "rushed"] {
            try FileManager.default.copyItem(
                atPath: Repository.rootPath + "/scenarios/personas/\(name).yaml", toPath: personas + "/\(name).yaml")
        }
    }

    func cleanUp() { cli.cleanUp() }

    /// Writes `NAME.yaml`: two arms, two replicates, two weeks over `corpus`.
    func scenario(_ name: String = "tiny", corpus: String = CLIFixture.corpus, seed: Int = 9, extra: String = "") throws
        -> String
    {
        let text = Self.scenarioText(corpus: corpus, personas: personas, seed: seed, extra: extra)
        let path = directory + "/\(name).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The reliability tests' scenario: two arms, two replicates, two weeks; `corpus` and
    /// `personas` as written.
    static func scenarioText(corpus: String, personas: String, seed: Int = 9, extra: String = "") -> String {
        """
        corpus: \(corpus)
        personas: \(personas)
        seed: \(seed)
        replicates: 2
        heldout: {share: 0.06, max: 40}
        population:
          - {persona: careful-expert, weight: 0.5}
          - {persona: rushed, weight: 0.5}
        arms:
          aitl: {cadence: 7d}
          frozen: {retrain: false}
        baseline: frozen
        horizon: 2w
        \(extra)
        """
    }

    /// Edits persona `name`'s file: replaces `old` with `new`.
    func editPersona(_ name: String, _ old: String, _ new: String) throws {
        let path = personas + "/\(name).yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        precondition(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A corpus of its own at `corpus/` (small; `seed` changes its content).
    func corpus(seed: UInt64 = 3, overwrite: Bool = false) throws -> String {
        let path = directory + "/corpus"
        let world = SyntheticWorld.generate(.init(seed: seed, articles: 120, tickets: 600, weeks: 2))
        _ = try world.write(to: path, name: "own", overwrite: overwrite)
        return path
    }

    /// A corpus of its own at `NAME/` whose records `edit` may break (the manifest matches the
    /// files, so only the record checks can find the problem): articles, then tickets.
    func corpus(_ name: String, edit: (inout [Article], inout [TicketRecord]) -> Void) throws -> String {
        let path = directory + "/" + name
        let world = SyntheticWorld.generate(.init(seed: 3, articles: 120, tickets: 600, weeks: 2))
        var articles = world.articles, tickets = world.tickets
        edit(&articles, &tickets)
        var writer = try CorpusWriter(directory: path, name: name, source: "tests", license: "CC0-1.0", command: "test")
        for a in articles { try writer.write(a) }
        for t in tickets { try writer.write(t) }
        _ = try writer.finish()
        return path
    }

    /// The results folder's stderr as lines, without blank ones.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
