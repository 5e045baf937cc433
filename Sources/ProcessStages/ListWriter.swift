import FlywheelCore

/// JSON text written by hand, byte by byte, where the protocol's bulk is: a retrieve reply's
/// lists (``RetrieverServer``). Scores are written as Swift's shortest round-trip form (the
/// bytes of `description`), or from version 4 as bit patterns (``CompactList``), so the reader
/// gets back the very same doubles.
enum ListWriter {
    /// `,"results":[[{"article":"…","score":x},…],…]`
    static func results(_ lists: [RankedList]) -> [UInt8] {
        var sink = ByteSink()
        sink.bytes.reserveCapacity(lists.count * 75 * 40 + 16)
        sink.bytes += #","results":["#.utf8
        write(lists, to: &sink)
        return sink.bytes
    }

    private static func write(_ lists: [RankedList], to sink: inout ByteSink) {
        for (i, list) in lists.enumerated() {
            if i > 0 { sink.bytes.append(UInt8(ascii: ",")) }
            sink.bytes.append(UInt8(ascii: "["))
            for (j, entry) in list.entries.enumerated() {
                if j > 0 { sink.bytes.append(UInt8(ascii: ",")) }
                sink.bytes += #"{"article":"#.utf8
                RequestWriter.string(entry.article.rawValue, to: &sink.bytes)
                sink.bytes += #","score":"#.utf8
                entry.score.write(to: &sink)
                sink.bytes.append(UInt8(ascii: "}"))
            }
            sink.bytes.append(UInt8(ascii: "]"))
        }
        sink.bytes.append(UInt8(ascii: "]"))
    }

    /// `,"results":[{"articles":[o,…],"scores":"…"},…]`: the lists as ``CompactList``s (protocol
    /// version 4), each article by its slot in `ordinals`, the model's articles; nil when a list
    /// names an article the table lacks.
    static func compactResults(_ lists: [RankedList], ordinals: ArticleTable) -> [UInt8]? {
        var out: [UInt8] = []
        return appendCompactResults(lists, ordinals: ordinals, to: &out) ? out : nil
    }

    /// ``compactResults(_:ordinals:)`` appended to `out` (a reply being written, whose buffer
    /// the server keeps from reply to reply); false when a list names an article the table
    /// lacks, `out` then holding part of the lists.
    static func appendCompactResults(_ lists: [RankedList], ordinals: ArticleTable, to out: inout [UInt8]) -> Bool {
        out.reserveCapacity(out.count + lists.count * 75 * 22 + 16)
        out += #","results":["#.utf8
        for (i, list) in lists.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"articles":["#.utf8
            for (j, entry) in list.entries.enumerated() {
                guard let slot = ordinals.slot(of: entry.article.rawValue) else { return false }
                if j > 0 { out.append(UInt8(ascii: ",")) }
                appendDecimal(slot, to: &out)
            }
            out += #"],"scores":""#.utf8
            for entry in list.entries { CompactList.appendHex(entry.score, to: &out) }
            out += #""}"#.utf8
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    /// A non-negative integer's decimal digits.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "an ordinal")
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        RequestWriter.string(text, to: &out)
        return out
    }
}

/// Bytes for `TextOutputStreamable` values: `Double.write(to:)` hands its digits to
/// `_writeASCII` (the standard library's hook for ASCII text) as a buffer, so a score costs no
/// `String`; the bytes are `description`'s (`ListWriterTests`).
struct ByteSink: TextOutputStream {
    var bytes: [UInt8] = []
    mutating func write(_ string: String) { bytes += string.utf8 }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes += buffer }
}
