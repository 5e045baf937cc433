import FlywheelCore
import WorldTruth

/// A generated support world: a help centre's articles and a time-ordered stream of tickets
/// with their hidden truth, built deterministically from a ``SyntheticWorldConfig``.
///
/// What makes it hard in the right way (measured by ``SyntheticWorldStatistics``):
/// - customers paraphrase (money back ↔ refund, flat ↔ serviced apartment, London ↔ the
///   United Kingdom; `knobs.paraphraseRate`, `knobs.vocabularyGap`), add filler and typos, so
///   plain BM25 misses many relevant articles — but a fact's customer wording is the same across
///   tickets, so learning from relevance marks helps;
/// - each policy is published for several (region, listing type) scopes (`knobs.scopeVariants`),
///   and a share of policies (`knobs.twinShare`) have a near-duplicate twin that differs in one
///   slot (region, listing type or one number); a ticket lists its needed articles' twins in
///   `conflicting`;
/// - a share of tickets (`knobs.multiIssueShare`) need two articles; some add a grade-1 topic
///   sibling;
/// - volume has a weekday/weekend pattern and a mild upward trend; topic popularity drifts;
///   about 8% of policies are introduced mid-stream (`introducedAt` after the start), and no
///   ticket needs an article before it exists.
///
/// ```swift
/// let world = SyntheticWorld.generate(.init(seed: 7, articles: 300, tickets: 3000, weeks: 8))
/// for record in world.tickets { _ = record.ticket.text; _ = record.truth.relevant }
/// ```
public struct SyntheticWorld: Sendable {
    public var config: SyntheticWorldConfig
    /// The articles, sorted by id.
    public var articles: [Article]
    /// The tickets with their truth, in time order (ties keep id order).
    public var tickets: [TicketRecord]
    /// Each article that has a near-duplicate twin → that twin and how the two differ.
    public var twins: [ArticleID: SyntheticTwin]

    /// Builds the world for `config`; the same config always gives the same world, value for value.
    /// The config must pass ``SyntheticWorldConfig/validate()``.
    public static func generate(_ config: SyntheticWorldConfig) -> SyntheticWorld {
        let plan = SyntheticWorldPlan(config)
        return SyntheticWorld(
            config: config, articles: plan.articles, tickets: plan.factory.makeTickets(), twins: plan.twins)
    }

    /// The topic slugs of the profile, in catalogue order.
    public static func topics(of profile: SyntheticProfile) -> [String] {
        switch profile {
        case .marketplace: MarketplaceCatalogue.topics.map(\.id)
        }
    }
}

/// The near-duplicate partner of an article.
public struct SyntheticTwin: Hashable, Sendable {
    public var article: ArticleID
    public var kind: SyntheticTwinKind
}
