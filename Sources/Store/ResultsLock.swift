import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One writer per results folder: an advisory `flock` on a lock file inside the folder
/// (`DIR/.lock`), holding the writer's pid and command line.
///
/// `flywheel run`, `check` and `sweep` take it before any work and keep it until they return;
/// the kernel drops it when the process exits, however it exits, so a killed writer never leaves
/// a stale lock (the file itself stays, empty or with the dead writer's line, and is harmless).
/// A second writer is refused at once with an ``InputError`` naming the holder's pid and command.
///
/// ```swift
/// let lock = try ResultsLock(directory: "results/quickstart", command: "flywheel run …")
/// defer { lock.release() }
/// ```
public final class ResultsLock: @unchecked Sendable {
    public static let defaultFileName = ".lock"
    /// The lock file.
    public let path: String
    private var fd: Int32

    /// Takes the lock on `directory` (which must exist) through the file `name` in it, or throws
    /// an ``InputError`` naming the holder when another process (or another open of the file in
    /// this one) holds it.
    public init(directory: String, name: String = ResultsLock.defaultFileName, command: String) throws {
        path = (directory.hasSuffix("/") ? directory : directory + "/") + name
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw InputError(file: path, "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            let holder = ResultsLock.readHolder(fd)
            close(fd)
            fd = -1
            if failure == EWOULDBLOCK || failure == EAGAIN {
                throw InputError(
                    file: directory,
                    "another flywheel is writing this results folder (\(holder)); wait for it to finish or stop it")
            }
            throw InputError(file: path, "cannot lock: \(String(cString: strerror(failure)))")
        }
        let line = Array("pid \(getpid()) \(command.replacingOccurrences(of: "\n", with: " "))\n".utf8)
        _ = ftruncate(fd, 0)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit { release() }

    /// Empties the lock file and drops the lock (idempotent).
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        close(fd)
        fd = -1
    }

    /// "pid 123: flywheel run x.yaml", from the holder's line in the lock file.
    static func readHolder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return "pid unknown: it has not written its line yet" }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingTrailingNewlines
        guard text.hasPrefix("pid "), let space = text.dropFirst(4).firstIndex(of: " ") else { return text }
        return "pid \(text[text.index(text.startIndex, offsetBy: 4)..<space]): \(text[text.index(after: space)...])"
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
