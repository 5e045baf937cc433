import Dispatch

/// A window's annotation log (docs/annotations.md), compressed as it is written: each entry's
/// JSON line (``AnnotationLogEntry/jsonLineBytes``) goes into one zstd frame
/// (``ZstdFrameWriter``) as the agents give their feedback, so a window holds its log's
/// compressed bytes, not its entries (a window of a simulated year's tickets held tens of
/// megabytes of entries until the evaluation wrote them; see BENCHMARKS.md, growth curves).
/// The bytes are those the results store writes for the same entries handed to it whole.
///
/// With `aside` the lines are encoded and compressed on a thread of its own: entries are
/// handed over in batches of ``batchEntries``, in order, at most ``batchesInFlight`` batches
/// waiting, and ``finish()`` waits for the last. The same lines go into the frame in the same
/// order and are fed to zstd at the same points, so the bytes are those written in place
/// (a job with a second thread keeps its own thread for serving).
///
/// ```swift
/// let log = AnnotationLogWriter()
/// log.append(entry)
/// let written = log.finish()   // AnnotationLogWriter.Written(frame:lines:), or nil if empty
/// ```
///
/// Owned by one window of one job (not synchronised: one thread appends and finishes);
/// finished once, when the window closes.
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

    /// Entries handed to the encoding thread at once.
    static let batchEntries = 256
    /// Batches handed over and not yet encoded, at most (bounds what an `aside` writer holds).
    static let batchesInFlight = 8

    /// Written only where the lines are encoded: this thread, or `queue`'s.
    private var writer: ZstdFrameWriter?
    /// Lines written so far.
    public private(set) var lines = 0
    /// The encoding thread (nil: lines are encoded in ``append(_:)``).
    private let queue: DispatchQueue?
    private let slots = DispatchSemaphore(value: AnnotationLogWriter.batchesInFlight)
    /// Entries not yet handed to `queue`.
    private var batch: [AnnotationLogEntry] = []

    /// `aside`: encode and compress on a thread of the writer's own.
    public init(aside: Bool = false) {
        queue = aside ? DispatchQueue(label: "flywheel.annotation-log") : nil
    }

    /// Writes `entry`'s line.
    public func append(_ entry: AnnotationLogEntry) {
        lines += 1
        guard let queue else {
            encode(entry)
            return
        }
        batch.append(entry)
        guard batch.count >= Self.batchEntries else { return }
        let entries = batch
        batch = []
        slots.wait()
        queue.async { [self] in
            for e in entries { encode(e) }
            slots.signal()
        }
    }

    private func encode(_ entry: AnnotationLogEntry) {
        let writer = self.writer ?? ZstdFrameWriter()
        self.writer = writer
        writer.append { out in
            entry.appendJSONLine(to: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// The log written so far, compressed (nil when no line was); the writer starts afresh.
    public func finish() -> Written? {
        let count = lines
        let frame: [UInt8]? = {
            let close = { [self] () -> [UInt8]? in
                for e in batch { encode(e) }
                batch = []
                defer { writer = nil }
                guard let writer, count > 0 else { return nil }
                return writer.finish()
            }
            guard let queue else { return close() }
            return queue.sync(execute: close)
        }()
        lines = 0
        return frame.map { Written(frame: $0, lines: count) }
    }
}
