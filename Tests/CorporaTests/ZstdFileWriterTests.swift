import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// The zstd writer compresses on a thread of its own (`background`) with the bytes of inline
/// compression, surfaces a failure of that thread with the file's path, and frees a finished
/// file's context early without changing what a reader gets.
@Suite struct ZstdFileWriterTests {
    /// Deterministic text of `count` lines, compressible but not trivially.
    static func lines(_ count: Int) -> [[UInt8]] {
        var rng = RandomStream(seed: 4, purpose: "zstd-writer-test")
        let words = ["refund", "host", "payout", "stay", "cancel", "Tokyo", "deposit", "pet", "fee", "review"]
        return (0..<count).map { i in
            let n = 3 + rng.int(below: 40)
            let text = (0..<n).map { _ in words[rng.int(below: words.count)] }.joined(separator: " ")
            return Array("{\"id\":\"t\(i)\",\"text\":\"\(text)\"}\n".utf8)
        }
    }

    static func write(_ lines: [[UInt8]], to path: String, background: Bool, endFrameAfter: Int? = nil) throws -> (
        bytes: Int, sha256: String
    ) {
        let w = try ZstdFileWriter(path: path, level: 3, background: background)
        for (i, line) in lines.enumerated() {
            if i == endFrameAfter { try w.endFrame() }
            if i % 2 == 0 { try w.write(line) } else { try w.append { $0 += line } }
        }
        return try w.finish()
    }

    @Test func backgroundCompressionWritesTheBytesOfInlineCompression() throws {
        let dir = try TemporaryFolder("zstd-writer")
        defer { dir.cleanUp() }
        // About 2 MB: many staging buffers, more than the backlog holds at once.
        let text = Self.lines(20_000)
        let inline = try Self.write(text, to: dir.file("inline.zst"), background: false)
        let background = try Self.write(text, to: dir.file("background.zst"), background: true)
        #expect(inline.bytes > ZstdFileWriter.stagingLimit / 8)
        #expect(background.bytes == inline.bytes && background.sha256 == inline.sha256)
        #expect(
            FileManager.default.contents(atPath: dir.file("inline.zst"))
                == FileManager.default.contents(atPath: dir.file("background.zst")))
        for empty in [false, true] {
            let a = try Self.write([], to: dir.file("e\(empty).zst"), background: empty)
            #expect(a.bytes > 0, "an empty file is still one (empty) zstd frame")
        }
    }

    @Test func endingTheFrameEarlyKeepsTheContent() throws {
        let dir = try TemporaryFolder("zstd-writer")
        defer { dir.cleanUp() }
        let text = Self.lines(3_000)
        for background in [false, true] {
            let path = dir.file("frames-\(background).zst")
            _ = try Self.write(text, to: path, background: background, endFrameAfter: 1_000)
            var read: [UInt8] = []
            try JSONLinesFile.forEachLine(in: path) { bytes, _ in read += bytes + [0x0A] }
            #expect(read == Array(text.joined()), "background \(background)")
        }
        // Ending the frame after the last byte adds nothing at the close.
        let whole = try Self.write(text, to: dir.file("one.zst"), background: true)
        let ended = try Self.write(text + [[]], to: dir.file("ended.zst"), background: true, endFrameAfter: 3_000)
        #expect(ended.sha256 == whole.sha256)
    }

    @Test func aFailedWriteOnTheCompressingThreadNamesTheFile() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let w = try ZstdFileWriter(path: "/dev/full", level: 3, background: true)
        let error = #expect(throws: InputError.self) {
            for line in Self.lines(20_000) { try w.write(line) }
            _ = try w.finish()
        }
        #expect(error?.file == "/dev/full")
        #expect(error?.message.contains("write failed") == true, "\(String(describing: error))")
    }
}
