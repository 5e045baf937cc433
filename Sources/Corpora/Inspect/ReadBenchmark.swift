import FlywheelCore
import WorldTruth

/// Reads a tickets file the way replay does — decompress and parse every line into a
/// ``TicketRecord`` — and reports how many uncompressed bytes went through. Timed by the caller
/// (`flywheel corpus bench-read`, used by `Benchmarks/corpus-read.sh`).
public enum ReadBenchmark {
    /// (lines, uncompressed bytes including newlines) of `path`, parsing each line as a ticket.
    public static func readTickets(path: String) throws -> (lines: Int, bytes: Int) {
        let reader = try LineReader(path: path)
        var lines = 0, bytes = 0
        while let n = try reader.nextLine({ (b: UnsafeBufferPointer<UInt8>) throws -> Int in
            var c = JSONCursor(b)
            do throws(JSONSyntaxError) {
                let r = try TicketRecord(jsonLine: &c)
                withExtendedLifetime(r) {}
            } catch {
                throw InputError(file: path, line: reader.lineNumber, field: error.field, error.message)
            }
            return b.count + 1
        }) {
            lines += 1
            bytes += n
        }
        return (lines, bytes)
    }

    /// (lines, bytes) of `path` when only decompressing and splitting lines (no JSON parsing).
    public static func splitLines(path: String) throws -> (lines: Int, bytes: Int) {
        let reader = try LineReader(path: path)
        var lines = 0, bytes = 0
        while let n = try reader.nextLine({ $0.count + 1 }) {
            lines += 1
            bytes += n
        }
        return (lines, bytes)
    }
}
