import Dispatch
import Foundation

/// Progress over a sweep's cells on standard error, with an ETA from the cells done so far
/// (wall-clock time, used only for this display). A redrawn bar on a terminal, one line per
/// cell otherwise. Thread-safe.
final class SweepProgress: @unchecked Sendable {
    let total: Int
    let alreadyDone: Int
    let label: String
    let quiet: Bool
    let isTerminal = isatty(2) != 0
    let started = DispatchTime.now()
    private let lock = NSLock()
    private var done: Int

    init(total: Int, alreadyDone: Int, label: String, quiet: Bool) {
        self.total = max(1, total)
        self.alreadyDone = alreadyDone
        self.done = alreadyDone
        self.label = label
        self.quiet = quiet
    }

    /// Counts one more cell done; returns how many are done (including skipped ones).
    @discardableResult
    func advance() -> Int {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        guard !quiet else { return done }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let computed = done - alreadyDone
        let eta = computed > 0 ? elapsed / Double(computed) * Double(total - done) : 0
        let text = "\(done)/\(total) cells, \(SweepProgress.clock(elapsed)) elapsed, ETA \(SweepProgress.clock(eta))"
        if isTerminal {
            let width = 30
            let filled = done * width / total
            write("\r\(label) " + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " " + text)
        } else {
            write("\(label): \(text)\n")
        }
        return done
    }

    func note(_ message: String) { if !quiet { write(message + "\n") } }

    func finish() { if !quiet && isTerminal { write("\n") } }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%dh%02dm", s / 3600, s % 3600 / 60) : String(format: "%dm%02ds", s / 60, s % 60)
    }

    private func write(_ text: String) {
        var standardError = StandardError()
        standardError.write(text)
    }
}
