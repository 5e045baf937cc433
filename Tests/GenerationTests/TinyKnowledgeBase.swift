import FlywheelCore

/// Three hand-made articles and a ticket about refunds: enough to check what the generator
/// picks without a generated corpus.
enum TinyKnowledgeBase {
    static let refunds = Article(
        id: "kb-refunds", title: "Refunds",
        body: "Refunds are issued to the original payment method. "
            + "A refund takes 5 business days to appear on your card. "
            + "Our office is closed on public holidays. "
            + "Refunds for gift cards are paid as store credit.")
    static let refundsOld = Article(
        id: "kb-refunds-2019", title: "Refunds (2019 policy)",
        body: "A refund takes 10 business days to appear on your card. "
            + "This policy was replaced in 2021.")
    static let shipping = Article(
        id: "kb-shipping", title: "Shipping",
        body: "Standard shipping takes 3 to 7 days. "
            + "Express shipping costs $12.50 per order! "
            + "Do you ship abroad? We ship to 40 countries.")

    static let articles = [refunds, refundsOld, shipping]

    static let ticket = Ticket(
        id: "t-1", createdAt: Timestamp(secondsSinceEpoch: 1_767_225_600),
        text: "How many days until my refund shows up on my card?")
}
