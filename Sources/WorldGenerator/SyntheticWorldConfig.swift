import FlywheelCore

/// The kinds of support world the generator can build. Each profile is a catalogue of topics,
/// policy facts and customer wording, plus the default hardness knobs (``SyntheticWorldKnobs``).
public enum SyntheticProfile: String, CaseIterable, Codable, Sendable {
    /// The help centre of a home-sharing marketplace (cancellations, payouts, deposits, …).
    case marketplace

    /// The profile's default hardness knobs.
    public var defaultKnobs: SyntheticWorldKnobs {
        switch self {
        case .marketplace:
            // Chosen by measuring the frozen arm on candidate worlds (docs/synthetic-world.md). The
            // pre-knob world: 0.24, 0.7, 0.06, 1.0, 0.5, 1, 0.25.
            SyntheticWorldKnobs(
                twinShare: 0.1, paraphraseRate: 0.45, typoRate: 0.04, vocabularyGap: 0.45,
                scopeMention: 0.85, scopeVariants: 48, multiIssueShare: 0.2)
        }
    }
}

/// How hard a generated world is: the generator's tunable rates. Each has a range
/// (``SyntheticWorldConfig/validate()`` names the option that leaves it) and a per-profile
/// default (``SyntheticProfile/defaultKnobs``). See docs/synthetic-world.md.
public struct SyntheticWorldKnobs: Codable, Sendable, Hashable {
    /// Share of base policies that get a near-duplicate twin differing in one slot (region,
    /// listing type or one number); the twin is listed in `conflicting`. A share `p` puts about
    /// `2p / (1 + p)` of the articles in twin pairs.
    public var twinShare: Double
    /// Share of the facts a customer asks about that are worded colloquially, far from the
    /// article (the rest use the paraphrase close to the article's wording).
    public var paraphraseRate: Double
    /// Per-word typo rate (words of ≥ 4 letters) in chat tickets; email gets half, phone a sixth.
    public var typoRate: Double
    /// Share of region and listing-type mentions in customer words ("London", "condo"); the
    /// rest use the article's own words ("the United Kingdom", "serviced apartment").
    public var vocabularyGap: Double
    /// Probability that a customer names the region; listing type: 0.9 × this. When the needed
    /// article's twin differs in exactly that slot, at least 0.85.
    public var scopeMention: Double
    /// Scope variants per policy: each base policy (its facts and their values) is published as
    /// this many articles for different (region, listing type) scopes. A topic then holds
    /// `articles / topics / scopeVariants` distinct policies whose numbers differ, instead of
    /// one per article. Variants are neither relevant nor conflicting for each other's tickets.
    /// 48 is every scope (8 regions × 6 listing types); a twin takes a scope too, and a policy
    /// simply gets fewer variants once its scopes run out. Capped at `articles / topics` (28
    /// topics in the marketplace profile), so every topic keeps at least one policy.
    public var scopeVariants: Int
    /// Share of tickets that need two articles (the second in the same topic 35% of the time).
    public var multiIssueShare: Double

    public init(
        twinShare: Double, paraphraseRate: Double, typoRate: Double, vocabularyGap: Double,
        scopeMention: Double, scopeVariants: Int, multiIssueShare: Double
    ) {
        self.twinShare = twinShare
        self.paraphraseRate = paraphraseRate
        self.typoRate = typoRate
        self.vocabularyGap = vocabularyGap
        self.scopeMention = scopeMention
        self.scopeVariants = scopeVariants
        self.multiIssueShare = multiIssueShare
    }

    /// Valid ranges, with the command-line option that sets each knob.
    public static let twinShareRange = 0.0...1.0
    public static let paraphraseRateRange = 0.0...1.0
    public static let typoRateRange = 0.0...0.3
    public static let vocabularyGapRange = 0.0...1.0
    public static let scopeMentionRange = 0.0...1.0
    public static let scopeVariantsRange = 1...48
    public static let multiIssueShareRange = 0.0...1.0

    /// Throws an ``InputError`` naming the option (`twin-share`, …) when a knob is out of range.
    public func validate() throws {
        func check(_ value: Double, _ range: ClosedRange<Double>, _ field: String) throws {
            guard value.isFinite, range.contains(value) else {
                throw InputError(
                    field: field, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            }
        }
        try check(twinShare, Self.twinShareRange, "twin-share")
        try check(paraphraseRate, Self.paraphraseRateRange, "paraphrase-rate")
        try check(typoRate, Self.typoRateRange, "typo-rate")
        try check(vocabularyGap, Self.vocabularyGapRange, "vocabulary-gap")
        try check(scopeMention, Self.scopeMentionRange, "scope-mention")
        try check(multiIssueShare, Self.multiIssueShareRange, "multi-issue-share")
        guard Self.scopeVariantsRange.contains(scopeVariants) else {
            throw InputError(
                field: "scope-variants",
                "must be between \(Self.scopeVariantsRange.lowerBound) and \(Self.scopeVariantsRange.upperBound), got \(scopeVariants)"
            )
        }
    }

    enum CodingKeys: String, CodingKey {
        case twinShare = "twin_share", paraphraseRate = "paraphrase_rate", typoRate = "typo_rate"
        case vocabularyGap = "vocabulary_gap", scopeMention = "scope_mention", scopeVariants = "scope_variants"
        case multiIssueShare = "multi_issue_share"
    }
}

/// Everything that determines a synthetic world; the same config always gives the same world.
///
/// ```swift
/// let world = SyntheticWorld.generate(.init(seed: 7, articles: 300, tickets: 3000, weeks: 8))
/// ```
///
/// Missing keys in a decoded config take the defaults below (the one place they are written);
/// missing hardness knobs take the profile's ``SyntheticProfile/defaultKnobs``.
public struct SyntheticWorldConfig: Codable, Sendable, Hashable {
    public var profile: SyntheticProfile
    public var seed: UInt64
    /// Number of knowledge-base articles.
    public var articles: Int
    /// Number of tickets over the whole horizon.
    public var tickets: Int
    /// Length of the ticket stream in weeks.
    public var weeks: Int
    /// Time of the first possible ticket (tickets start on this day).
    public var start: Timestamp
    /// How hard the world is (twin share, paraphrase, typo, vocabulary gap, scope mentions and
    /// variants, multi-issue share).
    public var knobs: SyntheticWorldKnobs

    public enum Defaults {
        public static let profile = SyntheticProfile.marketplace
        public static let seed: UInt64 = 42
        public static let articles = 1500
        public static let tickets = 40_000
        public static let weeks = 26
        public static let start = Timestamp(iso8601: "2026-01-05T00:00:00Z")!
    }

    /// `knobs` nil: the profile's defaults.
    public init(
        profile: SyntheticProfile = Defaults.profile, seed: UInt64 = Defaults.seed,
        articles: Int = Defaults.articles, tickets: Int = Defaults.tickets,
        weeks: Int = Defaults.weeks, start: Timestamp = Defaults.start, knobs: SyntheticWorldKnobs? = nil
    ) {
        self.profile = profile
        self.seed = seed
        self.articles = articles
        self.tickets = tickets
        self.weeks = weeks
        self.start = start
        self.knobs = knobs ?? profile.defaultKnobs
    }

    /// Bounds a config must satisfy; ``validate()`` names the field that breaks one.
    public static let articleRange = 10...1_000_000
    public static let ticketRange = 1...100_000_000
    public static let weekRange = 1...520

    /// Throws an ``InputError`` naming the field when a value is out of range.
    public func validate() throws {
        guard Self.articleRange.contains(articles) else {
            throw InputError(
                field: "articles",
                "must be between \(Self.articleRange.lowerBound) and \(Self.articleRange.upperBound), got \(articles)")
        }
        guard Self.ticketRange.contains(tickets) else {
            throw InputError(
                field: "tickets",
                "must be between \(Self.ticketRange.lowerBound) and \(Self.ticketRange.upperBound), got \(tickets)")
        }
        guard Self.weekRange.contains(weeks) else {
            throw InputError(
                field: "weeks",
                "must be between \(Self.weekRange.lowerBound) and \(Self.weekRange.upperBound), got \(weeks)")
        }
        try knobs.validate()
    }

    enum CodingKeys: String, CodingKey {
        case profile, seed, articles, tickets, weeks, start
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        profile = try c.decodeIfPresent(SyntheticProfile.self, forKey: .profile) ?? Defaults.profile
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? Defaults.seed
        articles = try c.decodeIfPresent(Int.self, forKey: .articles) ?? Defaults.articles
        tickets = try c.decodeIfPresent(Int.self, forKey: .tickets) ?? Defaults.tickets
        weeks = try c.decodeIfPresent(Int.self, forKey: .weeks) ?? Defaults.weeks
        start = try c.decodeIfPresent(Timestamp.self, forKey: .start) ?? Defaults.start
        let k = try decoder.container(keyedBy: SyntheticWorldKnobs.CodingKeys.self)
        let d = profile.defaultKnobs
        knobs = SyntheticWorldKnobs(
            twinShare: try k.decodeIfPresent(Double.self, forKey: .twinShare) ?? d.twinShare,
            paraphraseRate: try k.decodeIfPresent(Double.self, forKey: .paraphraseRate) ?? d.paraphraseRate,
            typoRate: try k.decodeIfPresent(Double.self, forKey: .typoRate) ?? d.typoRate,
            vocabularyGap: try k.decodeIfPresent(Double.self, forKey: .vocabularyGap) ?? d.vocabularyGap,
            scopeMention: try k.decodeIfPresent(Double.self, forKey: .scopeMention) ?? d.scopeMention,
            scopeVariants: try k.decodeIfPresent(Int.self, forKey: .scopeVariants) ?? d.scopeVariants,
            multiIssueShare: try k.decodeIfPresent(Double.self, forKey: .multiIssueShare) ?? d.multiIssueShare)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(profile, forKey: .profile)
        try c.encode(seed, forKey: .seed)
        try c.encode(articles, forKey: .articles)
        try c.encode(tickets, forKey: .tickets)
        try c.encode(weeks, forKey: .weeks)
        try c.encode(start, forKey: .start)
        try knobs.encode(to: encoder)
    }
}
