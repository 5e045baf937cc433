import FlywheelCore

/// Parsing the corpus' canonical time form `YYYY-MM-DDTHH:MM:SSZ` straight from bytes (the
/// common case when reading millions of lines), falling back to `Timestamp(iso8601:)` for the
/// other accepted forms.
enum TimestampBytes {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A {
            func n(_ i: Int, _ c: Int) -> Int? {
                var v = 0
                for j in i..<(i + c) {
                    let d = b[j] &- 0x30
                    guard d < 10 else { return nil }
                    v = v * 10 + Int(d)
                }
                return v
            }
            if let y = n(0, 4), let mo = n(5, 2), let d = n(8, 2), let h = n(11, 2), let mi = n(14, 2),
                let s = n(17, 2),
                (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
            {
                let days = Timestamp.daysFromCivil(year: y, month: mo, day: d)
                return Timestamp(secondsSinceEpoch: Int64(days) * 86_400 + Int64(h * 3600 + mi * 60 + s))
            }
            return nil
        }
        return Timestamp(iso8601: String(decoding: b, as: UTF8.self))
    }
}

extension JSONCursor {
    /// A timestamp string such as `2026-01-05T09:30:00Z`.
    mutating func timestamp() throws(JSONSyntaxError) -> Timestamp {
        skipWhitespace()
        // Fast path: an unescaped 20-byte string.
        if pos + 22 <= bytes.count, bytes[pos] == 0x22, bytes[pos + 21] == 0x22,
            let t = TimestampBytes.parse(UnsafeBufferPointer(rebasing: bytes[(pos + 1)..<(pos + 21)]))
        {
            pos += 22
            return t
        }
        let s = try string()
        guard let t = Timestamp(iso8601: s) else {
            throw fail("expected an ISO-8601 UTC time like 2026-01-05T09:30:00Z, got \"\(s)\"")
        }
        return t
    }
}
