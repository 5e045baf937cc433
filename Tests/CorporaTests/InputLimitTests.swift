import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport

@testable import Corpora

/// The readers stop at ``InputLimit``'s bounds with one error naming the file, the line and the
/// environment variable that raises the bound — never a hang or an unbounded allocation. These
/// use the default bounds (the CLI tests set the variables).
@Suite struct InputLimitTests {
    /// A zstd file of `count` copies of `chunk` (written in pieces: memory stays small).
    func zstdFile(_ dir: TemporaryFolder, _ name: String, chunk: [UInt8], count: Int) throws -> String {
        let path = dir.file(name)
        let writer = try ZstdFileWriter(path: path, level: 1)
        for _ in 0..<count { try writer.write(chunk) }
        _ = try writer.finish()
        return path
    }

    /// Deterministic letters that do not compress much (so only the line bound applies).
    func letters(_ count: Int, seed: UInt64) -> [UInt8] {
        var x = seed
        return (0..<count).map { _ in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 0x61 + UInt8(truncatingIfNeeded: x >> 59)
        }
    }

    @Test func aLineLongerThanTheLimitIsRefusedWithItsLineNumber() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        // Line 1 fits in 1000 bytes; line 2 is 300 kB (longer than the reader's first buffer).
        let path = try zstdFile(
            dir, "long.jsonl.zst", chunk: Array("{}\n".utf8) + letters(300_000, seed: 1) + [0x0A], count: 1)
        let reader = try LineReader(path: path)
        reader.maxLineBytes = 1000
        #expect(try reader.nextLine { $0.count } == 2)
        do {
            _ = try reader.nextLine { $0.count }
            Issue.record("expected the line limit")
        } catch let e as InputError {
            #expect(e.file == path && e.line == 2)
            #expect(
                e.message
                    == "exceeds the limit on one line of a JSON lines file: 1000 bytes (set FLYWHEEL_MAX_LINE_BYTES to allow more)"
            )
        }
        // The reader stays failed: a caller carrying on cannot loop.
        #expect(reader.streamError != nil)
        #expect(throws: InputError.self) { try reader.nextLine { $0.count } }
    }

    @Test func aShortLastLineWithoutNewlineIsBoundedToo() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let path = dir.file("plain.jsonl")
        FileManager.default.createFile(atPath: path, contents: Data(letters(5000, seed: 2)))
        let reader = try LineReader(path: path)
        reader.maxLineBytes = 1000
        #expect(throws: InputLimit.lineBytes.exceeded(file: path, line: 1, bound: 1000)) {
            try reader.nextLine { $0.count }
        }
    }

    @Test func aZstdBombIsRefusedOnceItPassesTheRatio() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        // 8 MiB of repeated lines compresses to a few kilobytes: a ratio far above 1000.
        let line = [UInt8](repeating: 0x61, count: (1 << 20) - 1) + [0x0A]
        let path = try zstdFile(dir, "bomb.jsonl.zst", chunk: line, count: 8)
        let compressed = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(compressed < 8 << 10)
        let reader = try LineReader(path: path)
        reader.ratioFloorBytes = 2 << 20
        do {
            _ = try reader.countRemainingLines()
            Issue.record("expected the ratio limit")
        } catch let e as InputError {
            #expect(e.file == path)
            #expect(
                e.message
                    == "exceeds the limit on decompressed to compressed size of a zstd file: 1000 to 1 (set FLYWHEEL_MAX_COMPRESSION_RATIO to allow more)"
            )
        }
        // The same file within its bounds reads to the end.
        let fine = try LineReader(path: path)
        #expect(try fine.countRemainingLines() == 8)
    }

    @Test func theTotalDecompressedSizeIsBounded() throws {
        let dir = try TemporaryFolder("corpora")
        defer { dir.cleanUp() }
        let path = try zstdFile(dir, "big.jsonl.zst", chunk: letters(99_999, seed: 3) + [0x0A], count: 20)
        let reader = try LineReader(path: path)
        reader.maxDecompressedBytes = 1_000_000
        do {
            _ = try reader.countRemainingLines()
            Issue.record("expected the total limit")
        } catch let e as InputError {
            #expect(
                e.message
                    == "exceeds the limit on what one zstd file decompresses to: 1000000 bytes (set FLYWHEEL_MAX_DECOMPRESSED_BYTES to allow more)"
            )
            #expect((e.line ?? 0) >= 9)  // about a megabyte in: ten lines of 100 kB
        }
    }

    @Test func everyLimitHasItsOwnVariableAndAPositiveDefault() throws {
        let names = InputLimit.allCases.map(\.environmentVariable)
        #expect(Set(names).count == names.count)
        #expect(InputLimit.lineBytes.environmentVariable == "FLYWHEEL_MAX_LINE_BYTES")
        #expect(InputLimit.allCases.allSatisfy { $0.defaultValue > 0 })
        #expect(try InputLimit.lineBytes.configured(["FLYWHEEL_MAX_LINE_BYTES": "1024"]) == 1024)
        #expect(throws: InputError.self) { try InputLimit.checkEnvironment(["FLYWHEEL_MAX_YAML_NODES": "lots"]) }
        #expect(throws: InputError.self) { try InputLimit.checkEnvironment(["FLYWHEEL_MAX_LINE_BYTES": "0"]) }
    }

    /// docs/reliability.md lists every limit with its variable and default, as this enum says.
    @Test func theDocsListEveryLimit() throws {
        let doc = try String(contentsOf: Repository.url("docs/reliability.md"), encoding: .utf8)
        for limit in InputLimit.allCases {
            #expect(
                doc.contains("| `\(limit.environmentVariable)` | \(limit.defaultValue) \(limit.unit) |"), "\(limit)")
        }
        #expect(doc.contains("\(SimDuration.longest)"))
    }
}
