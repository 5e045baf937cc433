import FlywheelCore

/// The kinds of support world the generator can build. Each profile is a catalogue of topics,
/// policy facts and customer wording.
public enum SyntheticProfile: String, CaseIterable, Codable, Sendable {
    /// The help centre of a home-sharing marketplace (cancellations, payouts, deposits, …).
    case marketplace
}

/// Everything that determines a synthetic world; the same config always gives the same world.
///
/// ```swift
/// let world = SyntheticWorld.generate(.init(seed: 7, articles: 300, tickets: 3000, weeks: 8))
/// ```
///
/// Missing keys in a decoded config take the defaults below (the one place they are written).
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

    public enum Defaults {
        public static let profile = SyntheticProfile.marketplace
        public static let seed: UInt64 = 42
        public static let articles = 1500
        public static let tickets = 40_000
        public static let weeks = 26
        public static let start = Timestamp(iso8601: "2026-01-05T00:00:00Z")!
    }

    public init(
        profile: SyntheticProfile = Defaults.profile, seed: UInt64 = Defaults.seed,
        articles: Int = Defaults.articles, tickets: Int = Defaults.tickets,
        weeks: Int = Defaults.weeks, start: Timestamp = Defaults.start
    ) {
        self.profile = profile
        self.seed = seed
        self.articles = articles
        self.tickets = tickets
        self.weeks = weeks
        self.start = start
    }

    /// Bounds a config must satisfy; ``validate()`` names the field that breaks one.
    public static let articleRange = 10...1_000_000
    public static let ticketRange = 1...100_000_000
    public static let weekRange = 1...520

    /// Throws an ``InputError`` naming the field when a value is out of range.
    public func validate() throws {
        guard Self.articleRange.contains(articles) else {
            throw InputError(field: "articles", "must be between \(Self.articleRange.lowerBound) and \(Self.articleRange.upperBound), got \(articles)")
        }
        guard Self.ticketRange.contains(tickets) else {
            throw InputError(field: "tickets", "must be between \(Self.ticketRange.lowerBound) and \(Self.ticketRange.upperBound), got \(tickets)")
        }
        guard Self.weekRange.contains(weeks) else {
            throw InputError(field: "weeks", "must be between \(Self.weekRange.lowerBound) and \(Self.weekRange.upperBound), got \(weeks)")
        }
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
    }
}
