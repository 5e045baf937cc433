/// A point in simulated time: whole seconds since 1970-01-01T00:00:00Z, UTC only.
///
/// The simulation never reads the wall clock (docs/distributed.md); every time comes from the corpus or
/// from a ``SimulatedClock``. Encodes as an ISO-8601 string `2026-01-05T09:30:00Z`, and decodes
/// that form or a bare date `2026-01-05` (midnight UTC).
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64
    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public static func < (l: Self, r: Self) -> Bool { l.secondsSinceEpoch < r.secondsSinceEpoch }
    public static func + (l: Self, r: SimDuration) -> Self {
        Timestamp(secondsSinceEpoch: l.secondsSinceEpoch + r.seconds)
    }
    public static func - (l: Self, r: Self) -> SimDuration {
        SimDuration(seconds: l.secondsSinceEpoch - r.secondsSinceEpoch)
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS(.fff)Z`; nil otherwise.
    public init?(iso8601 text: some StringProtocol) {
        let u = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= u.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard u.count >= 10, u[4] == 45, u[7] == 45,
            let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
            (1...12).contains(mo), (1...31).contains(d)
        else { return nil }
        var h = 0, mi = 0, s = 0
        if u.count > 10 {
            guard u.count >= 20, u[10] == 84 || u[10] == 32, u[13] == 58, u[16] == 58,
                let hh = num(11, 2), let mm = num(14, 2), let ss = num(17, 2),
                hh < 24, mm < 60, ss < 61
            else { return nil }
            h = hh; mi = mm; s = ss
            var i = 19
            if u[i] == 46 {  // fractional seconds are accepted and dropped
                i += 1
                while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            }
            guard i == u.count - 1, u[i] == 90 else { return nil }
        }
        let days = Timestamp.daysFromCivil(year: y, month: mo, day: d)
        secondsSinceEpoch = Int64(days) * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var iso8601: String {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        appendISO8601(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``iso8601``'s UTF-8 bytes to `out` (the annotation log writes a time per line).
    /// Each field is its decimal digits left-padded with `0` to its width (a year before 1 or
    /// after 9999 keeps its sign and all its digits).
    public func appendISO8601(to out: inout [UInt8]) {
        let days = Int(secondsSinceEpoch.floorDiv(86_400))
        let rem = Int(secondsSinceEpoch - Int64(days) * 86_400)
        let (y, m, d) = Timestamp.civilFromDays(days)
        // width 4 (the year) or 2 (the other fields, always below 100)
        func p(_ v: Int, _ width: Int) {
            guard v >= 0, v < (width == 4 ? 10_000 : 100) else {
                let s = String(v).utf8
                out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - s.count)))
                out.append(contentsOf: s)
                return
            }
            if width == 4 {
                out.append(UInt8(ascii: "0") &+ UInt8(v / 1000))
                out.append(UInt8(ascii: "0") &+ UInt8(v / 100 % 10))
            }
            out.append(UInt8(ascii: "0") &+ UInt8(v / 10 % 10))
            out.append(UInt8(ascii: "0") &+ UInt8(v % 10))
        }
        p(y, 4)
        out.append(UInt8(ascii: "-"))
        p(m, 2)
        out.append(UInt8(ascii: "-"))
        p(d, 2)
        out.append(UInt8(ascii: "T"))
        p(rem / 3600, 2)
        out.append(UInt8(ascii: ":"))
        p(rem / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        p(rem % 60, 2)
        out.append(UInt8(ascii: "Z"))
    }

    /// The calendar date `YYYY-MM-DD`.
    public var date: String { String(iso8601.prefix(10)) }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public var weekday: Int {
        let days = Int(secondsSinceEpoch.floorDiv(86_400))
        return ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
    }

    public var description: String { iso8601 }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let t = Timestamp(iso8601: s) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "expected an ISO-8601 UTC time like 2026-01-05T09:30:00Z, got \"\(s)\"")
        }
        self = t
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso8601)
    }

    // Howard Hinnant's civil-date algorithms (public domain), proleptic Gregorian calendar.
    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", days_from_civil); the corpus reader's fast path uses it too.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
