import FlywheelCore
import Testing

@testable import Retrieval

struct PairwiseRerankerTests {
    static let kb = (0..<30).map { i in
        Article(
            id: ArticleID("a\(i)"), title: "Topic \(i % 5) policy \(i)",
            body: "This policy covers topic \(i % 5) and case \(i % 7) for orders, refunds and cards.")
    }

    @Test func untrainedRerankerKeepsTheFirstStageOrderExactly() {
        let retriever = LearnedRetriever(index: BM25Index(articles: Self.kb))
        let reranker = PairwiseReranker(retriever: retriever)
        #expect(!reranker.isTrained)
        for text in ["topic 3 refunds", "policy case 4 cards", "orders"] {
            let ticket = Ticket(id: "t", createdAt: Timestamp(secondsSinceEpoch: 0), text: text)
            let first = retriever.retrieve(ticket, depth: 75)
            #expect(first.count > 8)
            #expect(reranker.rerank(ticket, candidates: first, depth: 8) == first.prefix(8))
            #expect(reranker.rerank(ticket, candidates: first, depth: 75) == first)
        }
    }

    @Test func trainingOnPairsMovesTheMarkedArticleUp() {
        let retriever = LearnedRetriever(index: BM25Index(articles: Self.kb))
        // Article a3's title ("Topic 3 policy 3") is what customers mean by "topic 3"; train on
        // tickets where the agent marked a3 relevant and the first-stage top article not.
        var tickets: [TicketID: Ticket] = [:]
        var marks: [RelevanceAnnotation] = []
        for k in 0..<20 {
            let t = Ticket(
                id: TicketID("t\(k)"), createdAt: Timestamp(secondsSinceEpoch: 0), text: "topic 3 question \(k)")
            tickets[t.id] = t
            let first = retriever.retrieve(t, depth: 75).articles
            for (rank, a) in first.prefix(8).enumerated() {
                marks.append(
                    RelevanceAnnotation(ticket: t.id, agent: "ag", article: a, rank: rank + 1, relevant: a == "a3"))
            }
            if !first.prefix(8).contains("a3") {
                marks.append(RelevanceAnnotation(ticket: t.id, agent: "ag", article: "a3", rank: 9, relevant: true))
            }
        }
        let trained = PairwiseReranker(retriever: retriever).retrained(with: marks, tickets: tickets)
        #expect(trained.isTrained)
        // Deterministic, and independent of the order the marks arrive in.
        let again = PairwiseReranker(retriever: retriever).retrained(with: marks.reversed(), tickets: tickets)
        #expect(again.weights == trained.weights)
        let probe = Ticket(id: "p", createdAt: Timestamp(secondsSinceEpoch: 0), text: "topic 3 refunds")
        let first = retriever.retrieve(probe, depth: 75)
        let before = first.articles.firstIndex(of: "a3")!
        let after = trained.rerank(probe, candidates: first, depth: 75).articles.firstIndex(of: "a3")!
        #expect(after < before || after == 0)
        #expect(after == 0)
    }
}
