import Corpora
import FlywheelCore
import FlywheelTestSupport
import Foundation
import Testing

@testable import Scenarios

/// `flywheel plugin serve retriever` serves the builtin first stage alone. With expansion
/// strength 0 its ranking is BM25's whatever its model learns, so it skips retraining: its lists
/// after a retraining are the ones a learning copy gives, bit for bit. With any other strength
/// it learns as the builtin does. (On corpora/ci-small: 300 tickets, each one's top 3 marked
/// relevant.)
@Suite struct ServedRetrieverLearningTests {
    static func corpus() throws -> (articles: [Article], tickets: [Ticket]) {
        let reader = try CorpusReader(directory: Repository.path("corpora/ci-small"))
        var stream = try reader.tickets()
        var tickets: [Ticket] = []
        while let record = try stream.next(), tickets.count < 300 { tickets.append(record.ticket) }
        return (try reader.articles(), tickets)
    }

    static func marks(_ retriever: any LearningRetriever, _ tickets: [Ticket]) throws -> TrainingBatch {
        var relevance: [RelevanceAnnotation] = []
        for ticket in tickets {
            for (rank, entry) in try retriever.retrieve(ticket, depth: 3).entries.enumerated() {
                relevance.append(
                    RelevanceAnnotation(
                        ticket: ticket.id, agent: AgentID("ag-1"), article: entry.article, rank: rank, relevant: true))
            }
        }
        return TrainingBatch(
            iteration: 1, time: tickets.last?.createdAt,
            tickets: Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0) }), relevance: relevance)
    }

    static func lists(_ retriever: any LearningRetriever, _ tickets: [Ticket]) throws -> [[RankedList.Entry]] {
        try tickets.map { try retriever.retrieve($0, depth: 75).entries }
    }

    @Test func withoutExpansionItSkipsRetrainingAndRanksAsALearningCopy() throws {
        let (articles, tickets) = try Self.corpus()
        let served = try ScenarioAssembly.builtinRetriever(
            settings: Data(#"{"expansion":{"strength":0}}"#.utf8), published: articles)
        #expect((served as? ExpansionRetriever)?.learns == false)
        var learning = try #require(served as? ExpansionRetriever)
        learning.learns = true
        let batch = try Self.marks(served, tickets)
        #expect(batch.relevance.count > 800)
        let skipped = try served.retrained(with: batch)
        let learned = try learning.retrained(with: batch)
        #expect(
            (skipped as? ExpansionRetriever)?.inner.model.allMarks
                == (served as? ExpansionRetriever)?.inner.model.allMarks)
        #expect(try Self.lists(skipped, tickets) == Self.lists(learned, tickets))
    }

    @Test func withExpansionItLearns() throws {
        let (articles, tickets) = try Self.corpus()
        let served = try ScenarioAssembly.builtinRetriever(settings: Data("{}".utf8), published: articles)
        #expect((served as? ExpansionRetriever)?.learns == true)
        let retrained = try served.retrained(with: try Self.marks(served, tickets))
        #expect(try Self.lists(retrained, tickets) != Self.lists(served, tickets))
    }
}
