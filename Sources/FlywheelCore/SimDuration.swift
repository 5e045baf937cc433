/// A span of simulated time in whole seconds, written in scenarios as `90s`, `30m`, `12h`,
/// `7d` or `26w` (see ``init(parsing:)``).
public struct SimDuration: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }

    public static func days(_ n: Int) -> Self { Self(seconds: Int64(n) * 86_400) }
    /// `days` (finite) to the nearest second; the library configurations give half-lives in days.
    public init(days: Double) {
        precondition(days.isFinite, "a duration must be finite")
        self.init(seconds: Int64((days * 86_400).rounded()))
    }
    /// The span in (fractional) days.
    public var days: Double { Double(seconds) / 86_400 }
    public static func weeks(_ n: Int) -> Self { Self(seconds: Int64(n) * 7 * 86_400) }
    public static func hours(_ n: Int) -> Self { Self(seconds: Int64(n) * 3600) }
    public static func < (l: Self, r: Self) -> Bool { l.seconds < r.seconds }

    /// The units a duration may be written in.
    public enum Unit: String, CaseIterable, Sendable {
        case s, m, h, d, w
        public var seconds: Int64 {
            switch self {
            case .s: 1
            case .m: 60
            case .h: 3600
            case .d: 86_400
            case .w: 604_800
            }
        }
    }

    /// The longest duration a scenario may give (a horizon, a cadence, a delay): 5200 weeks,
    /// about a century. Longer spans are refused when read, so nothing sized by a duration
    /// (weeks of a horizon, cycles of a cadence) can overflow or exhaust memory.
    public static let longest = SimDuration.weeks(5_200)

    /// Parses `<positive integer><unit>` with unit one of `s m h d w`, at most ``longest``; nil
    /// otherwise.
    public init?(parsing text: String) {
        let t = text.trimmingWhitespace()
        guard let last = t.last, let unit = Unit(rawValue: String(last)),
            let n = Int64(t.dropLast()), n >= 0
        else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: unit.seconds)
        guard !overflow, product <= Self.longest.seconds else { return nil }
        seconds = product
    }

    /// The shortest exact spelling: `7d`, `26w`, `36h`, `90s`.
    public var description: String {
        for unit in Unit.allCases.reversed() where seconds % unit.seconds == 0 && seconds != 0 {
            return "\(seconds / unit.seconds)\(unit.rawValue)"
        }
        return "\(seconds)s"
    }

    /// Whether `text` is a well-formed duration (`<digits><unit>`) beyond ``longest``: the one
    /// bound a duration has, which a scenario key and a command's option report alike.
    public static func isTooLong(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        guard let last = t.last, Unit(rawValue: String(last)) != nil, t.count > 1,
            t.dropLast().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        return SimDuration(parsing: t) == nil
    }

    /// The message for a duration beyond ``longest``.
    public static func tooLongMessage(_ text: String) -> String {
        "\"\(text)\" is longer than the longest duration allowed, \(longest) (about a century)"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = SimDuration(parsing: s) else {
            if Self.isTooLong(s) {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: Self.tooLongMessage(s))
            }
            throw DecodingError.dataCorruptedError(
                in: c,
                debugDescription:
                    "expected a duration like 7d, 12h or 26w (units: \(Unit.allCases.map(\.rawValue).joined(separator: ", "))), got \"\(s)\""
            )
        }
        self = d
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        let ws: Set<Character> = [" ", "\t", "\n", "\r"]
        guard let start = firstIndex(where: { !ws.contains($0) }),
            let end = lastIndex(where: { !ws.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}
