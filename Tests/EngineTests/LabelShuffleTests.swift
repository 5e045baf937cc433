import FlywheelCore
import Testing

@testable import Engine

@Suite struct LabelShuffleTests {
    func batch() -> TrainingBatch {
        var b = TrainingBatch(iteration: 1)
        for i in 0..<200 {
            b.relevance.append(
                RelevanceAnnotation(
                    ticket: TicketID("t\(i)"), agent: "a", article: ArticleID("d\(i % 7)"), rank: i % 9,
                    relevant: i % 5 == 0))
        }
        return b
    }

    @Test func keepsEveryLabelsShareAndBreaksItsLink() {
        let original = batch()
        let shuffled = LabelShuffle.shuffled(original, rng: RandomStream(seed: 4, purpose: "shuffle"))
        let checks = original.relevance.indices.filter { original.relevance[$0].rank > 0 }
        let links = original.relevance.indices.filter { original.relevance[$0].rank == 0 }
        // the same multiset of values among checks, and of linked articles among links
        #expect(
            checks.map { shuffled.relevance[$0].relevant }.sorted { !$0 && $1 }
                == checks.map { original.relevance[$0].relevant }.sorted { !$0 && $1 })
        #expect(
            links.map { shuffled.relevance[$0].article.rawValue }.sorted()
                == links.map { original.relevance[$0].article.rawValue }.sorted())
        // tickets, ranks and agents stay; some values moved
        #expect(zip(original.relevance, shuffled.relevance).allSatisfy { $0.ticket == $1.ticket && $0.rank == $1.rank })
        #expect(zip(original.relevance, shuffled.relevance).contains { $0.relevant != $1.relevant })
        #expect(
            LabelShuffle.shuffled(original, rng: RandomStream(seed: 4, purpose: "shuffle")).relevance
                == shuffled.relevance)
    }
}
