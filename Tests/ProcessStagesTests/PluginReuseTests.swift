import FlywheelCore
import Foundation
import Testing

@testable import ProcessStages

/// Protocol version 2 (docs/protocol.md, "Versions"): a plugin that speaks it serves one job
/// after another on one process, a `reset` between them, answered as its hello was; a
/// version-1 plugin, or `reuse: false`, gets a new process per job. Fixtures/echo_stages.py
/// (python3; skipped without it) exits when a request id is not the next of its session.
@Suite struct PluginReuseTests {
    static let candidates = RankedList(
        ticket: "t1", entries: [.init(article: "a1", score: 2), .init(article: "a2", score: 1)])

    static func command(_ modes: String..., reuse: Bool = true) -> PluginCommand {
        var command = ProcessStagesTests.command("reranker")
        command.command += modes
        command.reuse = reuse
        return command
    }

    /// One job: starts (or takes) a reranker, reranks, retrains and publishes as a job does, and
    /// lets go of it; returns the process id and the first list.
    static func job(_ command: PluginCommand, pool: PluginPool) throws -> (pid: Int32, first: [ArticleID]) {
        let reranker = try ProcessReranker.start(
            command, seed: 1, settings: ["depth": 8], published: ProcessStagesTests.articles, pool: pool)
        let first = try reranker.rerank(ProcessStagesTests.t1, candidates: candidates, depth: 8).articles
        let mark = RelevanceAnnotation(ticket: "t1", agent: "agent-001", article: "a1", rank: 1, relevant: true)
        let next = try reranker.retrained(
            with: TrainingBatch(iteration: 1, tickets: ["t1": ProcessStagesTests.t1], relevance: [mark])
        )
        .publishing([Article(id: "a3", title: "New", body: "A new policy.")])
        _ = try next.rerank(ProcessStagesTests.t2, candidates: candidates, depth: 8)
        return (reranker.model.channel.processID, first)
    }

    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func aVersion2PluginServesTheNextJobAfterAReset() throws {
        let pool = PluginPool()
        let one = try Self.job(Self.command(), pool: pool)
        #expect(pool.idleCount == 1, "the process waits for the next job")
        // the fixture exits if the second job's ids did not start at 1 again
        let two = try Self.job(Self.command(), pool: pool)
        #expect(two.pid == one.pid)
        #expect(one.first == ["a2", "a1"] && two.first == ["a2", "a1"])
        pool.shutDown()
        #expect(pool.idleCount == 0)
    }

    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func aVersion1PluginOrReuseOffGetsANewProcessPerJob() throws {
        for command in [Self.command("v1"), Self.command(reuse: false)] {
            let pool = PluginPool()
            let one = try Self.job(command, pool: pool)
            #expect(pool.idleCount == 0, "\(command.command)")
            let two = try Self.job(command, pool: pool)
            #expect(two.pid != one.pid, "\(command.command)")
        }
    }

    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func aResetAnsweredUnlikeTheHelloEndsTheRun() throws {
        let pool = PluginPool()
        _ = try Self.job(Self.command("bad-reset"), pool: pool)
        let error = #expect(throws: InputError.self) { try Self.job(Self.command("bad-reset"), pool: pool) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("request 1 (reset)"), "\(message)")
        #expect(message.contains("the reset reply says protocol 2 and capabilities"), "\(message)")
        #expect(pool.idleCount == 0, "a failed process is not kept")
    }

    /// Flywheel cannot see inside a plugin: one that keeps state across a reset answers
    /// differently on a reused process, and `reuse: false` (a new process per job) is the
    /// reference that shows it — the check docs/protocol.md tells plugin authors to run.
    @Test(.enabled(if: ProcessStagesTests.pythonAvailable, "needs /usr/bin/python3"))
    func aPluginKeepingStateAcrossAResetDiffersFromNewProcesses() throws {
        let pool = PluginPool()
        let reused = try (0..<2).map { _ in try Self.job(Self.command("leak"), pool: pool).first }
        let fresh = try (0..<2).map { _ in try Self.job(Self.command("leak", reuse: false), pool: pool).first }
        #expect(fresh == [["a2", "a1"], ["a2", "a1"]])
        #expect(reused == [["a2", "a1"], ["a1", "a2"]], "the second job saw the first one's state")
    }
}
