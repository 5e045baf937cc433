import FlywheelCore
import Testing

@Suite struct TimestampTests {
    @Test func parsesAndPrintsISO8601() throws {
        let t = try #require(Timestamp(iso8601: "2026-01-05T09:30:00Z"))
        #expect(t.iso8601 == "2026-01-05T09:30:00Z")
        #expect(t.weekday == 0)  // a Monday
        #expect(Timestamp(iso8601: "1970-01-01")?.secondsSinceEpoch == 0)
    }

    @Test func rejectsMalformedTimes() {
        for bad in ["2026-13-01", "2026-01-05T25:00:00Z", "2026-01-05T09:30:00", "yesterday", ""] {
            #expect(Timestamp(iso8601: bad) == nil, "accepted \(bad)")
        }
    }

    @Test func durationsParseInEveryUnit() {
        #expect(SimDuration(parsing: "7d") == .days(7))
        #expect(SimDuration(parsing: "26w") == .weeks(26))
        #expect(SimDuration(parsing: "12h") == .hours(12))
        #expect(SimDuration(parsing: "7x") == nil)
        #expect(SimDuration.days(14).description == "2w")
    }

    @Test func clockNeverRunsBack() {
        var clock = SimulatedClock(start: Timestamp(secondsSinceEpoch: 100))
        clock.advance(to: Timestamp(secondsSinceEpoch: 50))
        #expect(clock.now.secondsSinceEpoch == 100)
        clock.advance(by: .hours(1))
        #expect(clock.now.secondsSinceEpoch == 3700)
    }
}
