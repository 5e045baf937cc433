import Corpora
import Engine
import FlywheelCore
import Foundation
import ProcessStages
import Retrieval
import Scenarios
import Testing
import FlywheelTestSupport

/// The check of the process boundary: plugins/bm25s_retriever.py with expansion off
/// gives the builtin BM25's top-75 lists on the same tokens, and a run with it as first stage
/// gives the builtin run's retrieval metrics to 1e-6 (corpora/ci-small,
/// scenarios/examples/process-retriever-ci.yaml with one replicate). Skipped, with the reason,
/// while .venv-plugins lacks bm25s (`make plugins` installs it).
@Suite(.serialized) struct BM25sEquivalenceTests {
    static let root = Repository.rootPath
    static let python = root + "/.venv-plugins/bin/python"
    /// The example scenarios' folder: their relative paths (and their plugins) resolve there.
    static let examples = root + "/scenarios/examples"

    static let pluginAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? ProcessRunner.run(python, ["-c", "import bm25s"]))?.status == 0
    }()

    static func scenario(kind: StageKind) throws -> Scenario {
        var s = try ScenarioLoader.load(path: root + "/scenarios/examples/process-retriever-ci.yaml")
        s.replicates = 1
        if kind == .builtin {
            s.system.retriever.kind = .builtin
            s.system.retriever.process = nil
        }
        return s
    }

    @Test(.enabled(if: pluginAvailable, "needs .venv-plugins with bm25s: run `make plugins`"))
    func theSameTop75ListsAsTheBuiltinBM25() throws {
        let reader = try CorpusReader(directory: Self.root + "/corpora/ci-small")
        let articles = try reader.articles()
        var stream = try reader.tickets()
        var tickets: [Ticket] = []
        while let record = try stream.next() { tickets.append(record.ticket) }
        let spec = try Self.scenario(kind: .process).system
        let plugin = try ScenarioAssembly.makeSystem(spec, seed: 7, published: articles, root: Self.examples).retriever
        let builtin = LearnedRetriever(
            index: BM25Index(articles: articles, parameters: BM25Parameters(k1: 1.2, b: 0.75)))
        let fromPlugin = try plugin.retrieve(batch: tickets, depth: 75, attachingParts: false)
        var differing: [String] = []
        for (ticket, list) in zip(tickets, fromPlugin)
        where list.articles != builtin.retrieve(ticket, depth: 75).articles {
            differing.append(ticket.id.rawValue)
        }
        #expect(tickets.count == 4000)
        #expect(differing.isEmpty, "\(differing.count) of \(tickets.count) lists differ, e.g. \(differing.prefix(5))")
    }

    @Test(.enabled(if: pluginAvailable, "needs .venv-plugins with bm25s: run `make plugins`"))
    func aRunWithThePluginHasTheBuiltinsRetrievalMetrics() throws {
        func metrics(_ kind: StageKind) throws -> [String: [String: Double]] {
            let engine = try ScenarioAssembly.engine(
                for: try Self.scenario(kind: kind), root: Self.examples, keepAnnotations: false)
            let records = Records()
            try engine.run(jobs: engine.jobs, parallelism: 1) { records.append($0) }
            return Dictionary(uniqueKeysWithValues: records.all.map { ("\($0.job) \($0.iteration)", $0.metrics) })
        }
        let builtin = try metrics(.builtin)
        let plugin = try metrics(.process)
        #expect(builtin.count == 18, "2 arms × 9 evaluations")
        #expect(Set(builtin.keys) == Set(plugin.keys))
        for (key, b) in builtin {
            for name in ["recall@75", "precision@8", "ndcg@10", "mrr"] {
                let (x, y) = (b[name] ?? .nan, plugin[key]?[name] ?? .nan)
                #expect(abs(x - y) <= 1e-6, "\(key) \(name): builtin \(x), plugin \(y)")
            }
        }
    }
}

/// Records from the engine's emit callback (called from the job's thread).
final class Records: @unchecked Sendable {
    private var items: [IterationRecord] = []
    private let lock = NSLock()
    func append(_ r: IterationRecord) {
        lock.lock()
        items.append(r)
        lock.unlock()
    }
    var all: [IterationRecord] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
