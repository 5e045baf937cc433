import FlywheelCore
import Testing

@testable import Engine

/// What the engine checks of every stage's answer, whoever wrote the stage.
struct StageContractTests {
    static let ticket = Ticket(id: "T-1", createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), text: "refund")

    static func list(_ articles: [ArticleID], for ticket: TicketID = "T-1") -> RankedList {
        RankedList(ticket: ticket, entries: articles.enumerated().map { .init(article: $1, score: -Double($0)) })
    }

    @Test func distinctListsForTheAskedTicketsPass() throws {
        let articles = (0..<75).map { ArticleID("A-\($0)") }
        try StageContract.check([Self.list(articles)], for: [Self.ticket], stage: "retriever")
    }

    @Test func anArticleListedTwiceEndsTheRunNamingStageArticleAndTicket() {
        let articles = (0..<40).map { ArticleID("A-\($0)") } + ["A-7"]
        #expect(
            throws: InputError(field: "system.reranker", "listed article 'A-7' twice for ticket 'T-1'")
        ) { try StageContract.check([Self.list(articles)], for: [Self.ticket], stage: "reranker") }
    }

    @Test func aListForAnotherTicketOrAMissingAnswerIsRefused() {
        #expect(
            throws: InputError(field: "system.retriever", "answered for ticket 'T-2' where 'T-1' was asked")
        ) { try StageContract.check([Self.list(["A-1"], for: "T-2")], for: [Self.ticket], stage: "retriever") }
        #expect(throws: InputError(field: "system.generator", "gave 0 answers for 1 tickets")) {
            try StageContract.check(0, 1, stage: "generator")
        }
    }

    /// The hash table finds a repeat wherever it is in a list of any length, and never reports
    /// one in a list without.
    @Test func aRepeatIsFoundAtAnyPositionInListsOfAnyLength() {
        for n in [1, 2, 7, 8, 9, 75, 200] {
            let articles = (0..<n).map { ArticleID("A-\($0)") }
            #expect(!StageContract.repeatsHash(Self.list(articles).entries))
            for (i, j) in [(0, n - 1), (n / 2, n / 3), (n - 1, 0)] where n > 1 {
                var twice = articles
                twice.insert(articles[j], at: i)
                #expect(StageContract.repeatsHash(Self.list(twice).entries))
            }
        }
    }
}
