import Dispatch
import Foundation

/// Progress on standard error: a redrawn bar on a terminal, a plain line every 10% otherwise.
/// Thread-safe: jobs report from several threads.
final class Progress: @unchecked Sendable {
    let total: Int
    let label: String
    let quiet: Bool
    let isTerminal = isatty(2) != 0
    private let lock = DispatchSemaphore(value: 1)
    private var done = 0
    private var lastDecile = -1

    init(total: Int, label: String, quiet: Bool) {
        self.total = max(1, total)
        self.label = label
        self.quiet = quiet
    }

    /// Counts one more unit done; returns how many are done.
    @discardableResult
    func advance() -> Int {
        lock.wait()
        defer { lock.signal() }
        done += 1
        guard !quiet else { return done }
        if isTerminal {
            let width = 30
            let filled = done * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\r\(label) \(bar) \(done)/\(total) iterations")
        } else {
            let decile = done * 10 / total
            if decile != lastDecile {
                lastDecile = decile
                write("\(label): \(done)/\(total) iterations (\(decile * 10)%)\n")
            }
        }
        return done
    }

    func note(_ message: String) { write(message + "\n") }

    func finish() {
        if !quiet && isTerminal { write("\n") }
    }

    private func write(_ text: String) {
        var standardError = StandardError()
        standardError.write(text)
    }
}
