import ArgumentParser
import Corpora
import FlywheelCore

/// `flywheel corpus bench-read FILE` (hidden): times a streaming read of a tickets file —
/// decompress and parse every line — for `Benchmarks/corpus-read.sh`.
struct CorpusBenchRead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-read",
        abstract: "Time decompress + parse of a tickets.jsonl.zst file (benchmark helper).",
        discussion: """
            Prints one line per repetition: seconds, uncompressed MB and MB/s (MB = 10^6 bytes).

            Example:
              flywheel corpus bench-read corpora/marketplace/tickets.jsonl.zst --repeat 5
            """,
        shouldDisplay: false
    )

    @Argument(help: "A tickets.jsonl.zst file.")
    var file: String

    @Option(help: "How many timed repetitions.")
    var `repeat` = 5

    @Flag(help: "Only decompress and split lines (no JSON parsing).")
    var noParse = false

    func run() async throws {
        let clock = ContinuousClock()
        for i in 1...max(1, self.repeat) {
            var result = (lines: 0, bytes: 0)
            let elapsed = try clock.measure {
                result = noParse ? try ReadBenchmark.splitLines(path: file) : try ReadBenchmark.readTickets(path: file)
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let mb = Double(result.bytes) / 1e6
            print(
                "run \(i): \(result.lines) lines, \(fmt(mb)) MB uncompressed, \(fmt(seconds, 4)) s, \(fmt(mb / seconds, 1)) MB/s"
            )
        }
    }
}

/// `x` with `digits` decimals (no Foundation formatting, so output is locale-independent).
func fmt(_ x: Double, _ digits: Int = 2) -> String {
    guard x.isFinite else { return "\(x)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (x * scale).rounded() / scale
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        if digits == 0 { s = String(s[..<dot]) }
    } else if digits > 0 {
        s += "." + String(repeating: "0", count: digits)
    }
    return s
}
