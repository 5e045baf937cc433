import Corpora
import Engine
import FlywheelCore
import FlywheelTestSupport
import Foundation
import ProcessStages
import Scenarios
import Testing

/// `flywheel plugin serve retriever` is the builtin first stage behind the process protocol:
/// the same model, so what a run behind the boundary costs more is the boundary alone
/// (BENCHMARKS.md, "Process boundary"). It gives the builtin's top-75 lists and scores on every
/// corpora/ci-small ticket, with the default learned expansion; and a run with it gives the
/// builtin run's metrics.csv byte for byte with `--jobs 1` (one process serves the 4 jobs one
/// after another, protocol version 2) and `--jobs 2` (two processes, jobs landing on either).
/// Needs the debug `flywheel` binary `swift test` builds; skipped without it.
@Suite(.serialized) struct ProcessBoundaryTests {
    static var serve: [String]? { BuiltExecutable.flywheel.map { [$0, "plugin", "serve", "retriever"] } }

    @Test(.enabled(if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary"))
    func theSameTop75ListsAndScoresAsTheBuiltinOnCISmall() throws {
        let reader = try CorpusReader(directory: Repository.path("corpora/ci-small"))
        let articles = try reader.articles()
        var stream = try reader.tickets()
        var tickets: [Ticket] = []
        while let record = try stream.next() { tickets.append(record.ticket) }
        var spec = SystemSpec()
        let builtin = try ScenarioAssembly.makeSystem(spec, seed: 7, published: articles, root: "/").retriever
        spec.retriever.kind = .process
        var process = ProcessSpec()
        process.command = try #require(Self.serve)
        spec.retriever.process = process
        let plugin = try ScenarioAssembly.makeSystem(spec, seed: 7, published: articles, root: "/").retriever
        let lists = try plugin.retrieve(batch: tickets, depth: 75, attachingParts: false)
        var differing: [String] = []
        for (ticket, list) in zip(tickets, lists)
        where list.entries != (try builtin.retrieve(ticket, depth: 75)).entries {
            differing.append(ticket.id.rawValue)
        }
        #expect(tickets.count == 4000)
        #expect(lists.filter { !$0.entries.isEmpty }.count > tickets.count / 2)
        #expect(differing.isEmpty, "\(differing.count) of \(tickets.count) lists differ, e.g. \(differing.prefix(5))")
    }

    @Test(.enabled(if: BuiltExecutable.flywheel != nil, "needs the debug flywheel binary"))
    func aRunBehindTheProtocolHasTheBuiltinsMetricsWhateverJobs() throws {
        let serve = try #require(Self.serve).joined(separator: ", ")
        // the same file name in each folder: the run name (metrics.csv's first column) is the same
        let variants: [(name: String, system: String, jobs: String)] = [
            ("builtin", "", "1"),
            ("reused-1", "system: {retriever: {kind: process, process: {command: [\(serve)]}}}", "1"),
            ("reused-2", "system: {retriever: {kind: process, process: {command: [\(serve)]}}}", "2")
        ]
        var metrics: [String: String] = [:]
        for v in variants {
            let fixture = try CLIFixture("boundary-\(v.name)")
            defer { fixture.cleanUp() }
            let scenario = try fixture.scenario("run", extra: v.system)
            let out = fixture.directory + "/out"
            let (status, _, stderr) = try CLIFixture.run([
                "run", scenario, "--out", out, "--quiet", "--no-report", "--jobs", v.jobs
            ])
            #expect(status == 0, "\(v.name): \(stderr)")
            metrics[v.name] = try String(contentsOfFile: out + "/metrics.csv", encoding: .utf8)
        }
        let builtin = try #require(metrics["builtin"])
        #expect(builtin.split(separator: "\n").count > 100)
        for v in variants.dropFirst() {
            #expect(metrics[v.name] == builtin, "\(v.name) differs from the builtin run")
        }
    }
}
