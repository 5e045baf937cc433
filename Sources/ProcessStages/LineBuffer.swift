#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines read from a file descriptor — Flywheel's end of a plugin's output, or the Swift
/// plugin's standard input — in one buffer kept for the reader's life. A line is handed out in
/// place, its newline overwritten by a 0 (what ``JSONCursor/scan(terminated:_:)`` reads to), so
/// a reply of hundreds of kilobytes is neither copied out of the buffer nor given fresh pages:
/// the buffer grows to the longest line once and is reused for every later one.
///
/// Each `read(2)` goes straight into the free space after the bytes read so far; the bytes of
/// an unfinished line are moved to the front first, and each byte is searched for a newline
/// once (`memchr`).
final class LineBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The first byte not yet handed out in a line.
    private var start = 0
    /// The end of the bytes read.
    private var end = 0
    /// Bytes before this one are known to hold no newline.
    private var searched = 0
    /// The least free space a read asks for.
    static let readSize = 1 << 16

    init(capacity: Int = LineBuffer.readSize * 2) {
        self.capacity = max(capacity, Self.readSize + 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The next whole line among the bytes read, without its newline, which is overwritten by a
    /// 0; nil when the bytes read hold no further newline. Valid until the next ``read(from:)``.
    func nextLine() -> UnsafeBufferPointer<UInt8>? {
        guard searched < end, let found = memchr(storage + searched, 0x0A, end - searched) else {
            searched = end
            return nil
        }
        let newline = found.assumingMemoryBound(to: UInt8.self) - storage
        storage[newline] = 0
        let line = UnsafeBufferPointer(start: storage + start, count: newline - start)
        start = newline + 1
        searched = start
        return line
    }

    /// The bytes after the last newline (a last line without one), followed by a 0; nil when
    /// there are none. For the end of the input.
    func rest() -> UnsafeBufferPointer<UInt8>? {
        guard start < end else { return nil }
        storage[end] = 0  // a read always leaves a byte free
        let line = UnsafeBufferPointer(start: storage + start, count: end - start)
        start = end
        searched = end
        return line
    }

    /// One `read(2)` from `fd` into the free space, after moving an unfinished line to the front
    /// and growing the buffer when less than ``readSize`` is free. Returns what `read` returned
    /// (bytes read, 0 at the end of the input, -1 with `errno` set). Invalidates the lines
    /// handed out.
    func read(from fd: Int32) -> Int {
        if start > 0 {
            let kept = end - start
            if kept > 0 { memmove(storage, storage + start, kept) }
            searched -= start
            end = kept
            start = 0
        }
        if capacity - end - 1 < Self.readSize {
            let grown = max(capacity * 2, end + 1 + Self.readSize)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: storage, count: end)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        let n = systemRead(fd, storage + end, capacity - end - 1)
        if n > 0 { end += n }
        return n
    }

    /// Writes all of `bytes` to `fd` (a blocking descriptor), retrying after interruptions.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(LineError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { throw .write(errno) }
            offset += n
        }
    }

    enum LineError: Error { case read(Int32), write(Int32) }
}

/// POSIX `read` and `write`, under names the methods above do not shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}

#if os(Linux)
    /// Asks the kernel for a 1 MiB pipe buffer (Linux's `F_SETPIPE_SZ`, 1031, not exported to
    /// Swift; the default 64 KiB makes a writer of a 300-kilobyte reply wait five times for its
    /// reader). Best effort: an unprivileged process may get less, and a failure changes nothing
    /// but speed.
    func widenPipe(_ fd: Int32) {
        _ = fcntl(fd, 1031, Int32(1 << 20))
    }
#else
    func widenPipe(_ fd: Int32) {}
#endif
