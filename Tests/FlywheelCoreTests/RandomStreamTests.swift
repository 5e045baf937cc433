import FlywheelCore
import Testing

@Suite struct RandomStreamTests {
    @Test func drawsDependOnlyOnTheKeyNotOnTheOrderAsked() {
        var first = [Double]()
        for ticket in [7, 3, 11] as [UInt64] {
            var r = RandomStream(seed: 42, purpose: "preference", ids: [ticket])
            first.append(r.uniform())
        }
        var second = [Double](repeating: 0, count: 3)
        for (i, ticket) in ([11, 3, 7] as [UInt64]).enumerated() {
            var r = RandomStream(seed: 42, purpose: "preference", ids: [ticket])
            second[2 - i] = r.uniform()
        }
        #expect(first == second)
    }

    @Test func differentPurposesGiveDifferentStreams() {
        var a = RandomStream(seed: 1, purpose: "adoption", ids: [1])
        var b = RandomStream(seed: 1, purpose: "relevance", ids: [1])
        #expect(a.next() != b.next())
    }

    @Test func uniformMeanIsOneHalfWithinFourStandardErrors() {
        var r = RandomStream(seed: 9, purpose: "test")
        let n = 100_000
        var sum = 0.0
        for _ in 0..<n { sum += r.uniform() }
        // standard error of the mean of U(0,1) is sqrt(1/12/n) ≈ 0.00091
        #expect(abs(sum / Double(n) - 0.5) < 4 * 0.00091)
    }

    @Test func stableHashIsFNV1a() {
        // Reference value of FNV-1a 64 for "a".
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    /// Small and large strings, ASCII or not, and substrings made strings hash their UTF-8
    /// bytes, whether read in place or through the UTF-8 view.
    @Test func stableHashReadsTheUTF8BytesOfEveryKindOfString() {
        func reference(_ bytes: [UInt8]) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return h
        }
        let long = String(repeating: "article-42 ", count: 40)
        for text in ["T-1", "café ☕︎ refund", long, String(long.dropFirst(3).prefix(50)), "a-very-long-article-id-0001"]
        {
            #expect(StableHash.fnv1a(text) == reference(Array(text.utf8)))
        }
    }
}
