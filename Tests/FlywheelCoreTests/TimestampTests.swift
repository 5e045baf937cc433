import FlywheelCore
import Testing

@Suite struct TimestampTests {
    @Test func parsesAndPrintsISO8601() throws {
        let t = try #require(Timestamp(iso8601: "2026-01-05T09:30:00Z"))
        #expect(t.iso8601 == "2026-01-05T09:30:00Z")
        #expect(t.weekday == 0)  // a Monday
        #expect(Timestamp(iso8601: "1970-01-01")?.secondsSinceEpoch == 0)
    }

    /// Each field is its digits left-padded with 0 to its width; a year outside 1…9999 keeps
    /// its sign and all its digits (the padding counts the sign).
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (1_767_605_400, "2026-01-05T09:30:00Z"),
        (-30_610_224_001, "0999-12-31T23:59:59Z"), (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"), (-62_198_755_200, "00-1-01-01T00:00:00Z"),
        (253_402_300_800, "10000-01-01T00:00:00Z")
    ])
    func printsEveryFieldZeroPadded(seconds: Int64, text: String) {
        let t = Timestamp(secondsSinceEpoch: seconds)
        #expect(t.iso8601 == text)
        var bytes: [UInt8] = [UInt8(ascii: "x")]
        t.appendISO8601(to: &bytes)
        #expect(bytes == [UInt8(ascii: "x")] + Array(text.utf8))
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
