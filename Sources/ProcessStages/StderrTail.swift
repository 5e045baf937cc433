import FlywheelCore
import Foundation

/// Drains a plugin's standard error on its own thread (so a chatty plugin never blocks on a
/// full pipe) and keeps the last few kilobytes for error messages.
final class StderrTail: Sendable {
    private let handle: FileHandle
    /// The bytes read so far (the last ``keep`` to 2 × ``keep``) and whether the pipe closed.
    private let received = Locked((bytes: [UInt8](), closed: false))
    static let keep = 4096

    init(_ handle: FileHandle) { self.handle = handle }

    func start() {
        Thread.detachNewThread { [self] in
            let fd = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                self.received.withLock {
                    $0.bytes.append(contentsOf: buffer[..<n])
                    if $0.bytes.count > 2 * Self.keep { $0.bytes.removeFirst($0.bytes.count - Self.keep) }
                }
            }
            self.received.withLock { $0.closed = true }
        }
    }

    /// The last lines (at most 5, at most 400 characters) joined with " | ", after waiting up to
    /// `settle` seconds for the pipe to close (a dying plugin's last words).
    func tail(settle: Double) -> String {
        let deadline = Date().addingTimeInterval(settle)
        while Date() < deadline {
            if received.withLock({ $0.closed }) { break }
            usleep(5_000)
        }
        let text = received.withLock { String(decoding: $0.bytes.suffix(Self.keep), as: UTF8.self) }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let joined = lines.suffix(5).joined(separator: " | ")
        return joined.count > 400 ? "…" + String(joined.suffix(400)) : joined
    }
}
