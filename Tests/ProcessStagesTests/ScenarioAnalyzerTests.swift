import FlywheelCore
import Foundation
import Retrieval
import Scenarios
import Testing

@testable import ProcessStages

/// A process stage is sent the tokens of the scenario's analysis, not of a default analyser of
/// its own: ``ScenarioAssembly`` hands each process stage the analyser its builtin stages use,
/// reading through the run's memos (`RunCaches.text`), so a plugin gets the very terms the
/// builtin would search with and each ticket is analysed once per run, whichever stage asks.
/// (Fixtures/echo_stages.py as the reranker and generator; skipped without python3.)
@Suite struct ScenarioAnalyzerTests {
    static let articles = ProcessStagesTests.articles

    static func processSystem() -> SystemSpec {
        var spec = SystemSpec()
        for stage in ["reranker", "generator"] {
            var process = ProcessSpec()
            process.command = ProcessStagesTests.command(stage).command
            if stage == "reranker" {
                spec.reranker.kind = .process
                spec.reranker.process = process
            } else {
                spec.generator.kind = .process
                spec.generator.process = process
            }
        }
        return spec
    }

    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func processStagesAnalyseWithTheRunsAnalyserAndMemos() throws {
        let caches = RunCaches()
        let system = try ScenarioAssembly.makeSystem(
            Self.processSystem(), seed: 1, published: Self.articles, root: FileManager.default.currentDirectoryPath,
            caches: caches)
        let reranker = try #require(system.reranker as? ProcessReranker)
        let generator = try #require(system.generator as? ProcessGenerator)
        for analyzer in [reranker.model.analyzer, generator.model.analyzer] {
            #expect(analyzer.memos === caches.text, "the run's memos, not an analyser of its own")
            #expect(analyzer.configuration == Analyzer.Configuration())
        }
    }

    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func aStageKeepsTheAnalyserItWasStartedWith() throws {
        let unstemmed = Analyzer(.init(stemming: false, stopWords: true))
        let reranker = try ProcessReranker.start(
            ProcessStagesTests.command("reranker"), seed: 1, settings: ["depth": 8], published: Self.articles,
            analyzer: unstemmed)
        #expect(reranker.model.analyzer.configuration == unstemmed.configuration)
        let retrained = try reranker.publishing([Article(id: "a3", title: "New", body: "A new policy.")])
        #expect(retrained.model.analyzer.configuration == unstemmed.configuration, "and hands it to its new models")
        let ticket = Ticket(id: "t9", createdAt: Timestamp(secondsSinceEpoch: 0), text: "Refunds arriving")
        #expect(WireTicket(ticket, analyzer: retrained.model.analyzer).tokens == ["refunds", "arriving"])
    }
}
