import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// JSON text written by hand, byte by byte, where the protocol's bulk is: a retrieve reply's
/// lists (``RetrieverServer``). Scores are written as Swift's shortest round-trip form, so the
/// reader gets back the very same doubles.
enum ListWriter {
    /// `,"results":[[{"article":"…","score":x},…],…]`
    static func results(_ lists: [RankedList]) -> [UInt8] {
        var out = Array(#","results":["#.utf8)
        out.reserveCapacity(lists.count * 75 * 40)
        for (i, list) in lists.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (j, entry) in list.entries.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                out += #"{"article":"#.utf8
                RequestWriter.string(entry.article.rawValue, to: &out)
                out += #","score":"#.utf8
                out += entry.score.description.utf8
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        RequestWriter.string(text, to: &out)
        return out
    }
}

/// Lines from a file descriptor (a plugin's standard input), and whole writes to one.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var searched = 0

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline; nil at the end of the input (a last line without a
    /// newline still counts).
    mutating func next() throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                searched = start
                if start > 1 << 20 {
                    buffer.removeFirst(start)
                    start = 0
                    searched = 0
                }
                return line
            }
            searched = buffer.count
            let n = read(fd, &chunk, chunk.count)
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw LineError.read(errno) }
            if n == 0 {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer += chunk[..<n]
        }
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { throw LineError.write(errno) }
            offset += n
        }
    }

    enum LineError: Error { case read(Int32), write(Int32) }
}
