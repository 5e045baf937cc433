import Dispatch
import FlywheelCore
import Foundation

/// Progress on standard error, over iterations (`flywheel run`) or cells (`flywheel sweep`): a
/// redrawn bar with elapsed time and ETA on a terminal; otherwise a plain line per step when there
/// are at most 50 steps, else one every 10%. The wall clock is read only for this display.
/// Thread-safe: jobs report from several threads.
final class Progress: Sendable {
    let total: Int
    let alreadyDone: Int
    let unit: String
    let label: String
    let quiet: Bool
    let isTerminal = isatty(2) != 0
    let started = DispatchTime.now()
    /// Steps done (including those done before) and the last decile printed.
    private let count: Locked<(done: Int, lastDecile: Int)>

    init(total: Int, alreadyDone: Int = 0, unit: String, label: String, quiet: Bool) {
        self.total = max(1, total)
        self.alreadyDone = alreadyDone
        self.count = Locked((done: alreadyDone, lastDecile: -1))
        self.unit = unit
        self.label = label
        self.quiet = quiet
    }

    /// Counts one more step done; returns how many are done (including those done before).
    @discardableResult
    func advance() -> Int {
        count.withLock { count in
            count.done += 1
            if !quiet { show(count.done, lastDecile: &count.lastDecile) }
            return count.done
        }
    }

    /// Draws the bar, or prints a line, for `done` steps (with the lock held, so lines keep
    /// their order).
    private func show(_ done: Int, lastDecile: inout Int) {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let computed = done - alreadyDone
        let eta = computed > 0 ? elapsed / Double(computed) * Double(total - done) : 0
        let text = "\(done)/\(total) \(unit), \(Progress.clock(elapsed)) elapsed, ETA \(Progress.clock(eta))"
        if isTerminal {
            let width = 30
            let filled = done * width / total
            write(
                "\r\(label) " + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                    + " " + text)
        } else {
            let decile = done * 10 / total
            if total <= 50 || decile != lastDecile {
                lastDecile = decile
                write("\(label): \(text)\n")
            }
        }
    }

    func note(_ message: String) { if !quiet { write(message + "\n") } }

    func finish() { if !quiet && isTerminal { write("\n") } }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%dh%02dm", s / 3600, s % 3600 / 60) : String(format: "%dm%02ds", s / 60, s % 60)
    }

    private func write(_ text: String) {
        var standardError = StandardError()
        standardError.write(text)
    }
}
