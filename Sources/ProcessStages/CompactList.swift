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
        var shift: UInt64 = 60
        while true {
            let n = UInt8(truncatingIfNeeded: (bits >> shift) & 0xF)
            out.append(n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") - 10 + n)
            if shift == 0 { return }
            shift -= 4
        }
    }

    /// The scores in `hex` (16 digits each, either case); nil when its length is not a multiple
    /// of 16 or a byte is not a hex digit.
    static func scores(hex: UnsafeBufferPointer<UInt8>) -> [Double]? {
        guard hex.count % digitsPerScore == 0 else { return nil }
        var out: [Double] = []
        out.reserveCapacity(hex.count / digitsPerScore)
        var i = 0
        while i < hex.count {
            var bits: UInt64 = 0
            for k in i..<(i + digitsPerScore) {
                guard let v = value(hex[k]) else { return nil }
                bits = bits << 4 | UInt64(v)
            }
            out.append(Double(bitPattern: bits))
            i += digitsPerScore
        }
        return out
    }

    /// ``scores(hex:)`` of a `String` (the decoder's path).
    static func scores(hex: String) -> [Double]? {
        var text = hex
        return text.withUTF8 { scores(hex: $0) }
    }

    /// A hex digit's value (either case), nil for any other byte.
    @inline(__always) private static func value(_ c: UInt8) -> UInt8? {
        let d = c &- UInt8(ascii: "0")
        if d < 10 { return d }
        let l = (c | 0x20) &- UInt8(ascii: "a")  // 0x20: lower case
        return l < 6 ? l + 10 : nil
    }
}
