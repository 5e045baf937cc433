/// One help-centre topic of the marketplace profile: how articles about it are titled, what
/// facts (policy statements with slots) they are built from, and how customers talk about it.
///
/// Slots in article text: `{region}`, `{listing}`, `{days}`, `{hours}`, `{percent}`, `{amount}`,
/// `{nights}`, `{count}`. Slots in customer text: `{cregion}`, `{clisting}` (colloquial forms).
struct MarketplaceTopic: Sendable {
    /// Stable slug, written to `Article.topic`.
    var id: String
    /// Who asks about each fact, one letter per fact: `g` guest, `h` host, `n` either. Picks the
    /// customer's context sentence ("we're staying in …" vs "I rent out …").
    var audience: String
    /// Formal noun phrase used in article introductions ("cancellation refunds").
    var name: String
    /// Help-centre title templates.
    var titles: [String]
    /// What customers call the topic ("money back", "my payout").
    var customerNames: [String]
    var facts: [MarketplaceFact]
}

/// Who is writing to support.
enum MarketplaceAudience: Sendable {
    case guest, host, either

    init(code: Character) {
        switch code {
        case "g": self = .guest
        case "h": self = .host
        default: self = .either
        }
    }
}

extension MarketplaceTopic {
    func audience(ofFact fact: Int) -> MarketplaceAudience {
        let codes = Array(audience)
        return fact < codes.count ? MarketplaceAudience(code: codes[fact]) : .either
    }
}

/// One policy statement and the ways customers ask about it.
///
/// `customer[0]` stays close to the article's wording; the others are colloquial paraphrases
/// that share few or no content words with it. A fact's paraphrases are the same for every
/// article that states it, so customer vocabulary is consistent and learnable.
struct MarketplaceFact: Sendable {
    var article: String
    var customer: [String]
    init(_ article: String, _ customer: [String]) {
        self.article = article
        self.customer = customer
    }
}

/// Numeric slot kinds and the values a policy may take.
enum MarketplaceSlot: String, CaseIterable, Sendable {
    case days, hours, percent, amount, nights, count

    var values: [Int] {
        switch self {
        case .days: [2, 3, 5, 7, 10, 14, 30, 60]
        case .hours: [6, 12, 24, 48, 72]
        case .percent: [3, 5, 10, 14, 15, 20, 25, 50]
        case .amount: [25, 50, 75, 100, 150, 200, 300, 500, 1000]
        case .nights: [7, 14, 28, 30, 60, 90]
        case .count: [2, 3, 4, 6, 8, 10, 12]
        }
    }
}
