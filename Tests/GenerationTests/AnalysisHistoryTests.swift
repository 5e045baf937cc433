import FlywheelCore
import Testing

@testable import Generation

/// The process-wide ``ArticleAnalysisCache`` holds one analysis per article id, and corpora reuse
/// id schemes (every generated corpus has an `A-00001`). What another corpus put there — before,
/// or concurrently in another job or test — must change no number: a generator's appraisal of a
/// reply and its retraining read the same values whether the cache still holds the reply's
/// articles or another corpus's bodies under the same ids.
@Suite(.serialized) struct AnalysisHistoryTests {
    /// Ids no other test uses, so only this suite swaps their bodies.
    static let ours = [
        Article(
            id: "history-1", title: "Refunds",
            body: "Refunds are issued to the original payment method. "
                + "A refund takes 5 business days to appear on your card. "
                + "Refunds for gift cards are paid as store credit."),
        Article(
            id: "history-2", title: "Shipping",
            body: "Standard shipping takes 3 to 7 days. Express shipping costs $12.50 per order!")
    ]
    /// Another corpus: the same ids, other bodies.
    static let theirs = [
        Article(id: "history-1", title: "Pets", body: "Pets are welcome in every room. A cleaning fee of $20 applies."),
        Article(id: "history-2", title: "Parking", body: "Parking is free for guests. Spaces cannot be reserved.")
    ]
    static let ticket = Ticket(
        id: "history-t", createdAt: Timestamp(secondsSinceEpoch: 1_767_225_600),
        text: "How many days until my refund shows up on my card? Shipping was express.")

    /// Analyses the other corpus's bodies under our ids (as another job's generator would).
    static func otherCorpusServed() {
        _ = ExtractiveGenerator().baseline(for: ticket, articles: theirs)
    }

    /// A generator that learned from one used and one rejected reply: a sentence prior (compiled)
    /// and a refitted reward model, so every feature of an appraisal is non-trivial. With
    /// `otherCorpusFirst`, another corpus is served between suggesting and retraining.
    static func trained(otherCorpusFirst: Bool = false) -> ExtractiveGenerator {
        let g = ExtractiveGenerator()
        var rng = RandomStream(seed: 4, purpose: "history")
        let (a, b) = g.suggest(for: ticket, articles: ours, rng: &rng)
        if otherCorpusFirst { otherCorpusServed() }
        let used = AdoptionAnnotation(ticket: ticket.id, agent: "x", outcome: .used, rationale: nil)
        let rejected = AdoptionAnnotation(ticket: ticket.id, agent: "x", outcome: .rejected, rationale: .irrelevant)
        let preference = PreferenceAnnotation(ticket: ticket.id, agent: "x", choice: .a, margin: .clearly)
        return g.retrained(
            preferences: [PreferenceExample(ticket: ticket, a: a, b: b, annotation: preference)],
            adoptions: [
                AdoptionExample(ticket: ticket, reply: a, annotation: used),
                AdoptionExample(ticket: ticket, reply: b, annotation: rejected)
            ])
    }

    @Test(arguments: [false, true])
    func anAppraisalIsTheSameAfterAnotherCorpusWithTheSameIDsWasAnalysed(trained: Bool) {
        let g = trained ? Self.trained() : ExtractiveGenerator()
        var rng = RandomStream(seed: 8, purpose: "history")
        let replies = g.candidates(for: Self.ticket, articles: Self.ours, rng: &rng)
        let before = replies.map { g.appraisal(of: $0, for: Self.ticket) }
        #expect(before.allSatisfy { $0[1] != 0 })  // every reply has a selection score
        Self.otherCorpusServed()
        let after = replies.map { g.appraisal(of: $0, for: Self.ticket) }
        #expect(after == before)  // bit for bit
    }

    @Test func retrainingIsTheSameAfterAnotherCorpusWithTheSameIDsWasAnalysed() {
        let fresh = Self.trained()
        let afterOther = Self.trained(otherCorpusFirst: true)
        #expect(afterOther == fresh)  // the learned state: prior, policy, reward model
        #expect(afterOther.reward.weights == fresh.reward.weights)
    }
}
