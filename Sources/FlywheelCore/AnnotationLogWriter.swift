/// A window's annotation log (docs/annotations.md), compressed as it is written: each entry's
/// JSON line (``AnnotationLogEntry/jsonLineBytes``) goes into one zstd frame
/// (``ZstdFrameWriter``) as the agents give their feedback, so a window holds its log's
/// compressed bytes, not its entries (a window of a simulated year's tickets held tens of
/// megabytes of entries until the evaluation wrote them; see BENCHMARKS.md, growth curves).
/// The bytes are those the results store writes for the same entries handed to it whole.
///
/// ```swift
/// let log = AnnotationLogWriter()
/// log.append(entry)
/// let written = log.finish()   // AnnotationLogWriter.Written(frame:lines:), or nil if empty
/// ```
///
/// Owned by one window of one job (not synchronised); finished once, when the window closes.
public final class AnnotationLogWriter: @unchecked Sendable {
    /// A finished log: one zstd frame of its lines, and how many lines.
    public struct Written: Sendable, Hashable {
        public var frame: [UInt8]
        public var lines: Int
        public init(frame: [UInt8], lines: Int) {
            self.frame = frame
            self.lines = lines
        }

        /// The log's text (its lines, each ending in a newline); nil when the frame is corrupt.
        public var text: String? {
            ZstdFrameWriter.decompress(frame).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private var writer: ZstdFrameWriter?
    /// Lines written so far.
    public private(set) var lines = 0

    public init() {}

    /// Writes `entry`'s line.
    public func append(_ entry: AnnotationLogEntry) {
        let writer = self.writer ?? ZstdFrameWriter()
        self.writer = writer
        writer.append { entry.appendLogLine(to: &$0) }
        lines += 1
    }

    /// The log written so far, compressed (nil when no line was); the writer starts afresh.
    public func finish() -> Written? {
        defer {
            writer = nil
            lines = 0
        }
        guard let writer, lines > 0 else { return nil }
        return Written(frame: writer.finish(), lines: lines)
    }
}
