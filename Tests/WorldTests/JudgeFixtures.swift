import FlywheelCore
import WorldTruth

@testable import World

/// A tiny hand-made support world for judge and agent tests: one ticket about refunds, the
/// right policy (`refund-policy`), its near-duplicate twin with a different window
/// (`refund-policy-old`), and an unrelated article (`shipping`).
enum RefundWorld {
    static let nuggetTexts = [
        "Refunds are accepted within 30 days of delivery.",
        "The refund is paid to the original payment method.",
        "Items must be returned unused in their original packaging."
    ]
    static let twinText = "Refunds are accepted within 14 days of delivery."
    static let shippingTexts = [
        "Standard shipping takes three to five business days.",
        "Express shipping is available for an extra fee at checkout."
    ]

    static let truth = TicketTruth(
        ticket: "t-1",
        relevant: ["refund-policy": 3],
        nuggets: nuggetTexts.map { Nugget(text: $0, article: "refund-policy") },
        referenceResponse: nil,
        conflicting: ["refund-policy-old"])

    static let ticket = Ticket(
        id: "t-1", createdAt: Timestamp(secondsSinceEpoch: 1_767_600_000),
        text: "I want my money back for the blender, how long do I have?")

    static func sentence(_ text: String, _ article: ArticleID, rank: Int = 1, position: Int = 0) -> Reply.Sentence {
        Reply.Sentence(text: text, article: article, articleRank: rank, position: position)
    }

    static func reply(_ sentences: [Reply.Sentence], tone: Reply.Tone = .friendly) -> Reply {
        Reply(
            greeting: "Hi there, thanks for reaching out to us about your order.",
            sentences: sentences,
            closing: "Let us know if there is anything else we can help you with today.",
            tone: tone)
    }

    /// States all three nuggets.
    static var full: Reply {
        reply(nuggetTexts.enumerated().map { sentence($1, "refund-policy", position: $0) })
    }
    /// States none: only shipping sentences.
    static var offTopic: Reply {
        reply(shippingTexts.enumerated().map { sentence($1, "shipping", rank: 2, position: $0) })
    }
    /// The twin's wrong window instead of the right one.
    static var withTwin: Reply {
        reply(
            [sentence(twinText, "refund-policy-old")]
                + nuggetTexts.dropFirst().enumerated().map { sentence($1, "refund-policy", position: $0 + 1) })
    }
}
