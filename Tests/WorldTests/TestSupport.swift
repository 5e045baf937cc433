import FlywheelCore
import Foundation
import FlywheelTestSupport
import WorldTruth

@testable import World

/// Paths and small helpers shared by the World tests.
enum TestSupport {
    static let personasFolder = Repository.personas

    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    static func persona(_ name: String) throws -> Persona {
        try Persona.load(named: name, in: personasFolder)
    }

    /// Half-width of the 99% normal-approximation binomial interval for a rate `p` over `n` draws.
    static func ci99(p: Double, n: Int) -> Double {
        2.576 * (p * (1 - p) / Double(n)).squareRoot()
    }

    /// A random reply over the refund world's sentences: 1–5 sentences drawn (with repeats) from
    /// the three nuggets, the conflicting twin and two shipping sentences, in a random tone.
    static func randomReply(_ rng: inout RandomStream) -> Reply {
        let pool: [Reply.Sentence] =
            RefundWorld.nuggetTexts.enumerated().map { RefundWorld.sentence($1, "refund-policy", position: $0) }
            + [RefundWorld.sentence(RefundWorld.twinText, "refund-policy-old", rank: 2)]
            + RefundWorld.shippingTexts.enumerated().map { RefundWorld.sentence($1, "shipping", rank: 3, position: $0) }
        let count = 1 + rng.int(below: 5)
        let sentences = (0..<count).map { _ in pool[rng.int(below: pool.count)] }
        return RefundWorld.reply(sentences, tone: Reply.Tone.allCases[rng.int(below: 3)])
    }

    /// A shown suggestion for the refund ticket with the given replies and eight articles.
    static func shown(a: Reply, b: Reply) -> ShownSuggestion {
        ShownSuggestion(
            ticket: RefundWorld.ticket, a: a, b: b,
            articles: [
                "refund-policy", "refund-policy-old", "shipping", "returns-label", "warranty", "gift-cards",
                "refund-faq", "account"
            ])
    }

    /// The published knowledge base the agents' own searches draw from: the eight shown
    /// articles and eight more.
    static let library: [ArticleID] = [
        "account", "gift-cards", "refund-faq", "refund-policy", "refund-policy-old", "returns-label", "shipping",
        "warranty", "billing", "cancellation", "delivery", "exchange", "loyalty", "payment", "privacy", "vouchers"
    ]

    /// The refund truth with a second relevant article, so relevance marks have positives.
    static var truthWithTwoRelevant: TicketTruth {
        var t = RefundWorld.truth
        t.relevant["refund-faq"] = 1
        return t
    }
}

extension Persona {
    /// A copy with one part changed, for tests.
    func with(_ change: (inout Persona) -> Void) -> Persona {
        var copy = self
        change(&copy)
        return copy
    }
}
