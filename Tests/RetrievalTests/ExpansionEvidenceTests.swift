import FlywheelCore
import Testing

@testable import Retrieval

/// What the first stage may learn from relevance marks: only what marks say beyond chance
/// (``SurplusWeights``), and forgetting per unit of time, not per retraining.
@Suite struct ExpansionEvidenceTests {
    static let words = (0..<60).map { "w\($0)" }
    static let articles: [ArticleID] = (0..<10).map { ArticleID("d\($0)") }

    /// 600 tickets of 6 random words from 60, each shown 8 random articles of 10, every one
    /// checked and marked relevant by `label(ticket index, article index, ticket words)`.
    static func marks(seed: UInt64, label: (Int, Int, [String], inout RandomStream) -> Bool)
        -> ([RelevanceAnnotation], [TicketID: Ticket])
    {
        var rng = RandomStream(seed: seed, purpose: "world")
        var marks: [RelevanceAnnotation] = []
        var tickets: [TicketID: Ticket] = [:]
        for i in 0..<600 {
            let text = (0..<6).map { _ in words[rng.int(below: words.count)] }
            let id = TicketID("t\(i)")
            tickets[id] = Ticket(id: id, createdAt: Timestamp(secondsSinceEpoch: 0), text: text.joined(separator: " "))
            for (rank, a) in articles.indices.shuffled(using: &rng).prefix(8).enumerated() {
                marks.append(
                    RelevanceAnnotation(
                        ticket: id, agent: "a", article: articles[a], rank: rank + 1, relevant: label(i, a, text, &rng))
                )
            }
        }
        return (marks, tickets)
    }

    static func analysed(_ word: String) -> String { Analyzer().queryTerms(word).first ?? word }

    @Test func marksIndependentOfTicketAndArticleTeachAlmostNothing() {
        // Marks at a 10% base rate, independent of everything: a pair's evidence is beyond
        // chance only in the (1 − Φ(1.96)) tail. Tolerance: at most 5% of the pairs seen.
        let (marks, tickets) = Self.marks(seed: 1) { _, _, _, rng in rng.bernoulli(0.1) }
        let model = ExpansionModel().retrained(with: marks, tickets: tickets)
        let surplus = SurplusWeights(model)
        let pairs = Set(model.expansion.flatMap { a, t in t.keys.map { "\(a)|\($0)" } })
            .union(model.demotion.flatMap { a, t in t.keys.map { "\(a)|\($0)" } }).count
        let kept = surplus.positive.reduce(0) { $0 + $1.terms.count }
        #expect(pairs >= 500)  // of at most 10 × 60
        #expect(Double(kept) <= 0.05 * Double(pairs))
    }

    @Test func marksThatAgreeWithEachOtherTeachTheirWords() {
        // d3 is relevant exactly to tickets that say w7: the pair (d3, w7) stands out.
        let (marks, tickets) = Self.marks(seed: 2) { _, a, text, rng in
            a == 3 && text.contains("w7") ? true : rng.bernoulli(0.05)
        }
        let surplus = SurplusWeights(ExpansionModel().retrained(with: marks, tickets: tickets))
        let d3 = surplus.positive.first { $0.article == "d3" }?.terms ?? []
        let best = d3.max { $0.weight < $1.weight }
        #expect(best?.term == Self.analysed("w7"))
    }

    @Test func aSingleRelevantMarkIsNotEvidence() {
        let t = Ticket(id: "t", createdAt: Timestamp(secondsSinceEpoch: 0), text: "blender broken money back")
        var marks = [RelevanceAnnotation(ticket: "t", agent: "a", article: "refund", rank: 1, relevant: true)]
        for r in 2...8 {
            marks.append(
                RelevanceAnnotation(ticket: "t", agent: "a", article: ArticleID("x\(r)"), rank: r, relevant: false))
        }
        let surplus = SurplusWeights(ExpansionModel().retrained(with: marks, tickets: ["t": t]))
        #expect(surplus.positive.isEmpty)
    }

    @Test func forgettingIsPerUnitOfTimeNotPerRetraining() {
        // The same marks, ticket i on day i: retrained daily, weekly, or once at day 28 — the
        // weights at day 28 are the same (no minimum, no cap binding).
        let config = ExpansionConfiguration(halfLifeDays: 10, cap: 10_000, minimumWeight: 0)
        let start = Timestamp(secondsSinceEpoch: 1_700_000_000)
        var tickets: [TicketID: Ticket] = [:]
        var marks: [(day: Int, mark: RelevanceAnnotation)] = []
        for day in 0..<28 {
            let id = TicketID("t\(day)")
            tickets[id] = Ticket(id: id, createdAt: start + .days(day), text: "word\(day % 5) refund blender")
            marks.append(
                (
                    day,
                    RelevanceAnnotation(
                        ticket: id, agent: "a", article: ArticleID("d\(day % 3)"), rank: 1, relevant: day % 2 == 0)
                ))
        }
        func trained(every cadence: Int) -> ExpansionModel {
            var model = ExpansionModel(configuration: config)
            var next = cadence
            while next <= 28 {
                let batch = marks.filter { $0.day < next && $0.day >= next - cadence }.map(\.mark)
                model = model.retrained(with: batch, tickets: tickets, at: start + .days(next))
                next += cadence
            }
            return model
        }
        let daily = trained(every: 1), weekly = trained(every: 7), once = trained(every: 28)
        for other in [weekly, once] {
            #expect(abs(other.allMarks - daily.allMarks) < 1e-9)
            #expect(abs(other.relevantMarks - daily.relevantMarks) < 1e-9)
            for (article, terms) in daily.expansion {
                for (term, w) in terms { #expect(abs((other.expansion[article]?[term] ?? 0) - w) < 1e-9) }
            }
        }
    }
}
