/// Seeded random streams keyed by what they are for (docs/distributed.md).
///
/// A stream is identified by a key — the scenario seed, a purpose and any ids (replicate, arm,
/// iteration, ticket, agent…) — and is a pure function of that key: asking for the draws of
/// ticket 7 before or after those of ticket 3, on one thread or eight, gives the same numbers.
/// That is what makes results independent of thread count, shard count and completion order,
/// and what gives arms common random numbers for the same events.
///
/// The generator is SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014) started from a key hashed with the same finaliser. String ids are
/// hashed with FNV-1a 64, never with Swift's `Hasher`, which is seeded per process.
///
/// ```swift
/// var rng = RandomStream(seed: 42, purpose: "preference", ids: [replicate, ticketHash])
/// let u = rng.uniform()        // in [0, 1)
/// ```
public struct RandomStream: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A stream for `purpose` under `seed`, further keyed by `ids` in order.
    public init(seed: UInt64, purpose: String, ids: [UInt64] = []) {
        var h = RandomStream.mix(seed ^ 0x6A09_E667_F3BC_C908)
        h = RandomStream.mix(h ^ StableHash.fnv1a(purpose))
        for id in ids { h = RandomStream.mix(h &+ 0x9E37_79B9_7F4A_7C15 ^ id) }
        state = h
    }

    /// A child stream: this stream's key extended by `purpose` and `ids`. Does not advance `self`.
    public func derived(_ purpose: String, _ ids: UInt64...) -> RandomStream {
        var child = self
        child.state = RandomStream.mix(state ^ StableHash.fnv1a(purpose))
        for id in ids { child.state = RandomStream.mix(child.state &+ 0x9E37_79B9_7F4A_7C15 ^ id) }
        return child
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return RandomStream.mix(state)
    }

    /// A uniform draw in [0, 1) with 53 bits of precision.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p` (clamped to [0, 1]).
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A standard normal draw (Box–Muller; one uniform pair per call, so draws stay keyed).
    public mutating func normal() -> Double {
        let u1 = max(uniform(), 0x1.0p-60)
        let u2 = uniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A uniform integer in `0..<n` (n > 0), without modulo bias.
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs a positive bound")
        return Int(next(upperBound: UInt64(n)))
    }

    /// Shuffles `items` in place (Fisher–Yates from the last position down, one `int(below:)`
    /// per position), so a keyed stream gives the same order on every platform.
    public mutating func shuffle<T>(_ items: inout [T]) {
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(below: i + 1)) }
    }

    /// An index drawn with probability proportional to `weights` (non-negative, positive sum).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weightedIndex needs a positive total weight")
        var x = uniform() * total
        for (i, w) in weights.enumerated() {
            x -= w
            if x < 0 { return i }
        }
        return weights.lastIndex(where: { $0 > 0 }) ?? 0
    }

    static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Process-independent hashes for keying random streams and ids.
public enum StableHash {
    /// FNV-1a, 64 bit, over the UTF-8 bytes of `text`, read in place (`withUTF8` copies only a
    /// bridged string without contiguous UTF-8 storage).
    public static func fnv1a(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { fnv1a(bytes: $0) }
    }

    /// FNV-1a, 64 bit, over `bytes`.
    @inline(__always)
    static func fnv1a(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}

#if canImport(Glibc)
    import Glibc
    @inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
    import Darwin
    @inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
    @inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
