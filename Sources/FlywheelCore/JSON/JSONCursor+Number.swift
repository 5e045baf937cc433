extension JSONCursor {
    /// A JSON integer (no fraction or exponent, unless they make a whole number such as `2.0`).
    @inlinable public mutating func int() throws(JSONSyntaxError) -> Int {
        skipWhitespace()
        // Fast path: up to 15 digits (exact in a Double, so the same value ``number()`` gives),
        // no leading zero, no fraction or exponent.
        let n = bytes.count
        var i = pos
        let negative = i < n && bytes[i] == 0x2D
        if negative { i += 1 }
        let digitsStart = i
        var v = 0
        while i < n && i - digitsStart < 15 {
            let d = bytes[i] &- 0x30
            if d > 9 { break }
            v = v &* 10 &+ Int(d)
            i += 1
        }
        let digits = i - digitsStart
        if digits > 0 && !(digits > 1 && bytes[digitsStart] == 0x30) {
            let next: UInt8 = i < n ? bytes[i] : 0x20
            if next != 0x2E && next != 0x65 && next != 0x45 && next &- 0x30 > 9 {
                pos = i
                return negative ? -v : v
            }
        }
        let d = try number()
        guard let i = Int(exactly: d) else { throw fail("expected an integer, found \(d)") }
        return i
    }

    /// A JSON number.
    @inlinable public mutating func number() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        let s = pos
        var i = pos
        var isInt = true
        var value: Int64 = 0
        var negative = false
        if i < bytes.count && bytes[i] == 0x2D { negative = true; i += 1 }
        let digitsStart = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - 0x30))
            if o1 || o2 { isInt = false }
            value = a
            i += 1
        }
        guard i > digitsStart else {
            throw fail(
                i < bytes.count
                    ? "expected a number, found \(describe(bytes[i]))" : "expected a number, found the end of the line")
        }
        if i - digitsStart > 1 && bytes[digitsStart] == 0x30 { throw fail("leading zero in number") }
        if i < bytes.count && (bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45) {
            isInt = false
            if bytes[i] == 0x2E {
                i += 1
                let f = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                guard i > f else { throw fail("expected digits after '.'") }
            }
            if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
                i += 1
                if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
                let e = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                guard i > e else { throw fail("expected digits in exponent") }
            }
        }
        pos = i
        if isInt { return Double(negative ? -value : value) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw fail("invalid number \(text)") }
        return d
    }
}
