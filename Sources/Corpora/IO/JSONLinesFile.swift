/// Line-by-line access to a JSONL file, plain or zstd-compressed (by the `.zst` suffix), for
/// commands outside `Corpora` that read user files (`flywheel analyze --file`). Streams: only the
/// longest line is ever held.
///
/// ```swift
/// try JSONLinesFile.forEachLine(in: "corpora/marketplace/articles.jsonl.zst") { bytes, line in
///     let object = try JSONSerialization.jsonObject(with: Data(bytes))
/// }
/// ```
public enum JSONLinesFile {
    /// Calls `body` with each line's bytes (without the newline) and its 1-based number. Corrupt
    /// or truncated zstd is an `InputError` naming the file and line.
    public static func forEachLine(
        in path: String, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        let reader = try LineReader(path: path)
        while try reader.nextLine({ try body($0, reader.lineNumber) }) != nil {}
    }
}
