import FlywheelCore

/// A retrieve reply's list in its compact form (protocol version 4, docs/protocol.md "Compact
/// lists"): `{"articles":[o1,o2,…],"scores":"hhhh…"}`, the articles by their **ordinals** — an
/// article's number in the model, its position among the distinct ids that `index` and then
/// each `publish` of the model's line sent, from 0 (an id sent again keeps its number) — and
/// the scores as one string of 16 hexadecimal digits per score, each the IEEE 754 binary64 bit
/// pattern, most significant digit first (`struct.pack(">d", x).hex()` in Python).
///
/// A list in this form is about a third of the bytes of `[{"article":"…","score":x},…]`, and
/// neither side converts a decimal number or hashes an id: the ordinals are the host's
/// ``ArticleTable`` slots, and the scores are the very doubles the plugin computed.
enum CompactList {
    /// The first protocol version whose retrieve replies may use it.
    static let version = 4
    /// Hex digits per score.
    static let digitsPerScore = 16

    /// Appends `score`'s 16 lowercase hex digits (the bit pattern, most significant first).
    static func appendHex(_ score: Double, to out: inout [UInt8]) {
        let bits = score.bitPattern
        let digits = (hexDigits(UInt32(truncatingIfNeeded: bits >> 32)), hexDigits(UInt32(truncatingIfNeeded: bits)))
        withUnsafeBytes(of: digits) { out.append(contentsOf: $0) }
    }

    /// The scores in `hex` (16 digits each, either case); nil when its length is not a multiple
    /// of 16 or a byte is not a hex digit.
    static func scores(hex: UnsafeBufferPointer<UInt8>) -> [Double]? {
        guard hex.count % digitsPerScore == 0 else { return nil }
        guard let base = hex.baseAddress else { return [] }
        let raw = UnsafeRawPointer(base)
        var out: [Double] = []
        out.reserveCapacity(hex.count / digitsPerScore)
        var i = 0
        while i < hex.count {
            guard let high = value(of: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)),
                let low = value(of: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            else { return nil }
            out.append(Double(bitPattern: UInt64(high) << 32 | UInt64(low)))
            i += digitsPerScore
        }
        return out
    }

    /// ``scores(hex:)`` of a `String` (the decoder's path).
    static func scores(hex: String) -> [Double]? {
        var text = hex
        return text.withUTF8 { scores(hex: $0) }
    }

    // Eight digits at a time, as the eight bytes of a UInt64 in memory order (the first digit
    // at the lowest address): no per-digit branch or table.
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// `v`'s 8 lowercase hex digits, most significant first, as bytes in memory order.
    @inline(__always) static func hexDigits(_ v: UInt32) -> UInt64 {
        // each nibble into its own byte, the least significant nibble in the lowest byte
        var x = UInt64(v)
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // '0' + n, and 39 more ('a' − '0' − 10) where n ≥ 10 (n + 6 carries into bit 4)
        let letters = ((x &+ (6 &* ones)) >> 4) & ones
        let ascii = x &+ (0x30 &* ones) &+ letters &* 39
        // the most significant digit first in memory
        return ascii.byteSwapped.littleEndian
    }

    /// The 32 bits that 8 hex digits (bytes in memory order, either case) spell; nil when a
    /// byte is not a hex digit.
    @inline(__always) static func value(of digits: UInt64) -> UInt32? {
        let x = UInt64(littleEndian: digits)
        let lower = x | (0x20 &* ones)  // letters to lower case; digits keep their bytes
        let isLetter = (lower >> 6) & ones  // bit 6: 'a'…'f' (0x61…) but not '0'…'9' (0x3…)
        var n = (lower & (0x0F &* ones)) &+ isLetter &* 9
        // the first digit is the most significant nibble: to the highest byte, then pairs merge
        n = n.byteSwapped
        n = (n | n >> 4) & 0x00FF_00FF_00FF_00FF
        n = (n | n >> 8) & 0x0000_FFFF_0000_FFFF
        n = (n | n >> 16) & 0x0000_0000_FFFF_FFFF
        let v = UInt32(truncatingIfNeeded: n)
        // exact: the digits spelled back in lower case are the input's, and no byte is one of
        // the controls 0x10…0x19 that `| 0x20` maps onto '0'…'9' (a hex digit has bit 5 or 6)
        let bits56 = x & (0x60 &* ones)
        guard hexDigits(v) == lower.littleEndian, ((bits56 >> 5) | (bits56 >> 6)) & ones == ones else { return nil }
        return v
    }
}
