import Foundation

/// Drains a plugin's standard error on its own thread (so a chatty plugin never blocks on a
/// full pipe) and keeps the last few kilobytes for error messages.
final class StderrTail: @unchecked Sendable {
    private let handle: FileHandle
    private var bytes: [UInt8] = []
    private var closed = false
    private let lock = NSLock()
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
                lock.lock()
                bytes.append(contentsOf: buffer[..<n])
                if bytes.count > 2 * Self.keep { bytes.removeFirst(bytes.count - Self.keep) }
                lock.unlock()
            }
            lock.lock()
            closed = true
            lock.unlock()
        }
    }

    /// The last lines (at most 5, at most 400 characters) joined with " | ", after waiting up to
    /// `settle` seconds for the pipe to close (a dying plugin's last words).
    func tail(settle: Double) -> String {
        let deadline = Date().addingTimeInterval(settle)
        while Date() < deadline {
            lock.lock()
            let done = closed
            lock.unlock()
            if done { break }
            usleep(5_000)
        }
        lock.lock()
        let text = String(decoding: bytes.suffix(Self.keep), as: UTF8.self)
        lock.unlock()
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let joined = lines.suffix(5).joined(separator: " | ")
        return joined.count > 400 ? "…" + String(joined.suffix(400)) : joined
    }
}
