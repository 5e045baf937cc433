import FlywheelCore
import Foundation
import ProcessStages
import Testing

/// A reranker and a generator behind the protocol (Fixtures/echo_stages.py, run with python3;
/// skipped without it): answers arrive as lists and replies, retraining and publishing make new
/// models, and the generator's seed comes from each ticket's own random stream.
@Suite struct ProcessStagesTests {
    static let pythonAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    static let articles = [
        Article(id: "a1", title: "Refunds", body: "Refunds reach the card in five days. Ask the bank after that."),
        Article(id: "a2", title: "Cards", body: "Add a card under payments. Remove the old one after.")
    ]
    static let t1 = Ticket(id: "t1", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), text: "refund not here")
    static let t2 = Ticket(id: "t2", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_100), text: "change my card")

    static func command(_ stage: String) -> PluginCommand {
        let script = Bundle.module.path(forResource: "echo_stages", ofType: "py", inDirectory: "Fixtures")!
        return PluginCommand(
            stage: stage, command: ["python3", script], timeoutSeconds: 10,
            directory: FileManager.default.currentDirectoryPath)
    }

    @Test(.enabled(if: pythonAvailable, "needs /usr/bin/python3"))
    func aProcessRerankerReordersEachItemAndLearnsIntoNewModels() throws {
        let reranker = try ProcessReranker.start(
            Self.command("reranker"), seed: 1, settings: ["depth": 8], published: Self.articles)
        let candidates = RankedList(
            ticket: "t1", entries: [.init(article: "a1", score: 2), .init(article: "a2", score: 1)])
        let lists = try reranker.rerank(batch: [(Self.t1, candidates), (Self.t2, candidates.prefix(1))], depth: 8)
        #expect(lists.map(\.articles) == [["a2", "a1"], ["a1"]])
        #expect(lists.map(\.ticket) == ["t1", "t2"])
        let mark = RelevanceAnnotation(ticket: "t1", agent: "agent-001", article: "a1", rank: 1, relevant: true)
        let retrained = try reranker.retrained(
            with: TrainingBatch(iteration: 1, tickets: ["t1": Self.t1], relevance: [mark])
        )
        .publishing([Article(id: "a3", title: "New", body: "A new policy.")])
        // the old model stays usable beside the new one (the deploy gate compares them)
        #expect(try retrained.rerank(Self.t1, candidates: candidates, depth: 1).articles == ["a2"])
        #expect(try reranker.rerank(Self.t1, candidates: candidates, depth: 8).articles == ["a2", "a1"])
    }

    @Test(.enabled(if: pythonAvailable, "needs /usr/bin/python3"))
    func aProcessGeneratorsRepliesCiteItsArticlesAndFollowTheTicketsSeed() throws {
        let generator = try ProcessGenerator.start(
            Self.command("generator"), seed: 1, settings: ["candidates": 4], published: Self.articles)
        func replies() throws -> [(a: Reply, b: Reply)] {
            try generator.suggest(batch: [
                GenerationRequest(
                    ticket: Self.t1, articles: Self.articles, rng: RandomStream(seed: 7, purpose: "generate", ids: [1])),
                GenerationRequest(
                    ticket: Self.t2, articles: [Self.articles[1]],
                    rng: RandomStream(seed: 7, purpose: "generate", ids: [2]))
            ])
        }
        let first = try replies()
        #expect(first.map(\.a.text) == ["Hi, Refunds reach the card in five days.", "Hi, Add a card under payments."])
        #expect(first[0].b.sentences.map(\.article) == ["a2"])
        #expect(first[0].b.sentences.map(\.articleRank) == [2])
        let again = try replies()
        #expect(again.map(\.a) == first.map(\.a), "same ticket streams, same seeds, same replies")
    }
}
