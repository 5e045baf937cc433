import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole text written zstd-compressed (what every reader expects of a file named `.zst`:
/// ``LineReader`` decompresses by the suffix), through a temporary file beside it that is
/// renamed over `path` once complete, so a reader never sees half a file.
///
/// ```swift
/// try ZstdTextFile.write(log, to: "logs/aitl.jsonl.zst")
/// ```
public enum ZstdTextFile {
    /// Writes `text`; a failure removes the temporary file and is an ``InputError`` naming the path.
    public static func write(_ text: String, to path: String) throws {
        let temporary = path + ".partial"
        do {
            let writer = try ZstdFileWriter(path: temporary)
            try writer.write(Array(text.utf8))
            _ = try writer.finish()
        } catch let error as InputError {
            unlink(temporary)
            throw InputError(file: path, error.message)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw InputError(file: path, "cannot replace the file: \(reason)")
        }
    }
}
