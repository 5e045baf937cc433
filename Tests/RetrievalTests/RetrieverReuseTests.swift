import FlywheelCore
import Testing

@testable import Retrieval

/// A reranker's own copy of the first stage takes the first stage's retrained or grown index
/// (``LearnedRetriever/retrained(with:tickets:at:reusing:_:)``,
/// ``LearnedRetriever/publishing(contentsOf:reusing:_:)``) only when it is exactly what its own
/// work would give; otherwise it does the work itself.
struct RetrieverReuseTests {
    static let kb = FirstStagePartsTests.kb
    static let start = Timestamp(secondsSinceEpoch: 0)

    /// Seeded random marks (both ways) on 40 tickets, and the tickets.
    static func marks(seed: UInt64) -> ([RelevanceAnnotation], [TicketID: Ticket]) {
        var rng = RandomStream(seed: seed, purpose: "retriever-reuse")
        var tickets: [TicketID: Ticket] = [:]
        var marks: [RelevanceAnnotation] = []
        for k in 0..<40 {
            let t = Ticket(
                id: TicketID("s\(seed)-t\(k)"), createdAt: start,
                text: "topic \(rng.int(below: 5)) question about case \(rng.int(below: 7)) refunds")
            tickets[t.id] = t
            for _ in 0..<3 {
                let a = ArticleID("a\(rng.int(below: kb.count))")
                marks.append(
                    RelevanceAnnotation(ticket: t.id, agent: "ag", article: a, rank: 1, relevant: rng.bernoulli(0.5)))
            }
        }
        return (marks, tickets)
    }

    static func fresh() -> LearnedRetriever {
        LearnedRetriever(
            index: BM25Index(articles: Array(kb.prefix(30))),
            model: ExpansionModel(configuration: ExpansionConfiguration(strength: 0.3, demotion: 0.5)))
    }

    /// Every probe's top 75 and every article's score parts, bit for bit.
    static func expectSameModel(_ a: LearnedRetriever, _ b: LearnedRetriever) {
        #expect(a.compiledState == b.compiledState)
        for ticket in FirstStagePartsTests.probes {
            #expect(a.retrieve(ticket, depth: 75) == b.retrieve(ticket, depth: 75))
            let terms = a.index.analyzer.queryTerms(ticket.text)
            let (va, vb) = (a.scoreVectors(terms: terms), b.scoreVectors(terms: terms))
            #expect(va.bm25.map(\.bitPattern) == vb.bm25.map(\.bitPattern))
            #expect(va.expansion.map(\.bitPattern) == vb.expansion.map(\.bitPattern))
            #expect(va.demotion.map(\.bitPattern) == vb.demotion.map(\.bitPattern))
        }
    }

    @Test func aCopyInTheSameStateTakesTheRetrainedFirstStage() {
        let (marks, tickets) = Self.marks(seed: 1)
        let before = Self.fresh()
        var after = before
        after.retrain(with: marks, tickets: tickets, at: Self.start)
        let own = Self.fresh()
        var ownWork = own
        ownWork.retrain(with: marks, tickets: tickets, at: Self.start)
        let reused = own.retrained(with: marks, tickets: tickets, at: Self.start, reusing: before, after)
        Self.expectSameModel(reused, ownWork)
        Self.expectSameModel(reused, after)
    }

    @Test func aCopyInAnotherStateRetrainsItself() {
        let (marks, tickets) = Self.marks(seed: 1)
        let (earlier, earlierTickets) = Self.marks(seed: 2)
        let before = Self.fresh()
        var after = before
        after.retrain(with: marks, tickets: tickets, at: Self.start)
        var other = Self.fresh()
        other.retrain(with: earlier, tickets: earlierTickets, at: Self.start)
        var ownWork = other
        ownWork.retrain(with: marks, tickets: tickets, at: Self.start)
        let result = other.retrained(with: marks, tickets: tickets, at: Self.start, reusing: before, after)
        Self.expectSameModel(result, ownWork)
        #expect(result.compiledState != after.compiledState)
        // the same state, but `after` came from other marks: not taken either
        let (otherMarks, _) = Self.marks(seed: 3)
        let mismatched = Self.fresh().retrained(
            with: otherMarks, tickets: tickets, at: Self.start, reusing: before, after)
        #expect(mismatched.compiledState != after.compiledState)
    }

    @Test func aCopyInTheSameStateTakesTheGrownFirstStage() {
        let (marks, tickets) = Self.marks(seed: 4)
        var before = Self.fresh()
        before.retrain(with: marks, tickets: tickets, at: Self.start)
        let new = Array(Self.kb.suffix(10))
        var after = before
        after.publish(contentsOf: new)
        let copy = before
        var ownWork = copy
        ownWork.publish(contentsOf: new)
        Self.expectSameModel(copy.publishing(contentsOf: new, reusing: before, after), ownWork)
        // other articles than `after` got: published by the copy itself
        let fewer = Array(new.prefix(4))
        var ownFewer = copy
        ownFewer.publish(contentsOf: fewer)
        Self.expectSameModel(copy.publishing(contentsOf: fewer, reusing: before, after), ownFewer)
    }
}
