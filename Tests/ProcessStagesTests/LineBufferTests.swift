import Foundation
import Testing

@testable import ProcessStages

/// ``LineBuffer`` hands out each line in place, followed by a 0, whatever the reads' sizes:
/// lines split across reads, several in one read, blank lines, a line far longer than a read, and
/// a last line without a newline.
@Suite struct LineBufferTests {
    /// Every line `input` yields when written to a pipe in `chunk`-byte writes.
    static func lines(_ input: [UInt8], chunk: Int) throws -> [String] {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = Thread {
            var offset = 0
            while offset < input.count {
                let n = min(chunk, input.count - offset)
                _ = input[offset..<(offset + n)].withUnsafeBytes { write(writeEnd, $0.baseAddress, n) }
                offset += n
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        let buffer = LineBuffer(capacity: 16)
        var out: [String] = []
        while true {
            if let line = buffer.nextLine() {
                #expect(line.baseAddress![line.count] == 0, "a line is followed by a 0")
                out.append(String(decoding: line, as: UTF8.self))
                continue
            }
            let n = buffer.read(from: readEnd)
            if n > 0 { continue }
            #expect(n == 0)
            if let rest = buffer.rest() {
                #expect(rest.baseAddress![rest.count] == 0)
                out.append(String(decoding: rest, as: UTF8.self))
            }
            return out
        }
    }

    @Test func linesComeWholeWhateverTheReads() throws {
        let long = String(repeating: "x", count: 3 * LineBuffer.readSize + 17)
        let expected = ["a", "", "bc", long, "{\"id\":1}", "tail"]
        let input = Array(expected.joined(separator: "\n").utf8)
        for chunk in [1, 7, 4096, LineBuffer.readSize, input.count] {
            #expect(try Self.lines(input, chunk: chunk) == expected, "chunk \(chunk)")
        }
        #expect(try Self.lines(Array("one\ntwo\n".utf8), chunk: 3) == ["one", "two"], "no rest after a last newline")
        #expect(try Self.lines([], chunk: 1) == [])
    }
}
