import Corpora
import FlywheelCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing results files so that a failure is one line naming the path (exit 2), and a reader
/// never sees a half-written file.

/// Creates `path` and its missing parents (`mkdir -p`); a failure (permission denied, read-only
/// file system, disk full, a file in the way) is an ``InputError`` naming the folder.
func makeDirectory(_ path: String, what: String = "folder") throws {
    var current = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
        current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
        if mkdir(current, 0o755) == 0 { continue }
        let failure = errno
        var isDirectory: ObjCBool = false
        if failure == EEXIST, FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            continue
        }
        let reason = failure == EEXIST ? "a file is in the way" : String(cString: strerror(failure))
        throw InputError(file: path, "cannot create the \(what): \(current): \(reason)")
    }
}

/// Writes `text` to a temporary file beside `path`, flushes it to disk, then renames it over
/// `path`, so a reader never sees a half-written file. A failure removes the temporary file and
/// is an ``InputError`` naming `path` and the reason (e.g. "No space left on device").
func writeAtomically(_ text: String, to path: String) throws {
    let temporary = path + ".partial"
    func fail(_ step: String) -> InputError {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        return InputError(file: path, "cannot \(step): \(reason)")
    }
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw fail("write the file") }
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        guard n > 0 else {
            let error = fail("write the file")
            close(fd)
            throw error
        }
        offset += n
    }
    guard fsync(fd) == 0 || errno == EINVAL else {
        let error = fail("write the file")
        close(fd)
        throw error
    }
    guard close(fd) == 0 else { throw fail("write the file") }
    guard rename(temporary, path) == 0 else { throw fail("replace the file") }
}

/// Writes an output file the way readers will read it: zstd-compressed when its name ends in
/// `.zst` (``ZstdTextFile``), plain otherwise; atomically either way.
func writeOutput(_ text: String, to path: String) throws {
    if path.hasSuffix(".zst") {
        try ZstdTextFile.write(text, to: path)
    } else {
        try writeAtomically(text, to: path)
    }
}
