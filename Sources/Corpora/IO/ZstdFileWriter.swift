import FlywheelCore

/// Writes a zstd-compressed file by streaming: bytes are gathered into a staging buffer and
/// compressed by a ``ZstdStream`` (single-threaded zstd at a fixed level, checksummed, SHA-256
/// of the output kept on the way) each time the buffer fills.
///
/// With `background: true` the compression runs on a thread of its own (a ``SerialWorker``):
/// a full buffer is handed over and the caller goes on making bytes while the last ones are
/// compressed. The bytes written are the same either way; at most ``backlog`` buffers wait.
///
/// ```swift
/// let writer = try ZstdFileWriter(path: "t.jsonl.zst.partial", background: true)
/// try writer.append { $0 += line }
/// let (bytes, sha256) = try writer.finish()
/// ```
final class ZstdFileWriter {
    /// The default level: small files (the 40k-ticket corpus stays a few MB) written in seconds.
    /// Level 19 compresses ~5% better but is an order of magnitude slower.
    static let defaultLevel: Int32 = 12
    /// Bytes gathered before they are compressed (or handed to the compressing thread).
    static let stagingLimit = 1 << 17
    /// Full buffers that may wait for the compressing thread: 4 MB, about a chunk of the
    /// generator's tickets, so a chunk can be handed over without waiting.
    static let backlog = 32

    let path: String
    private(set) var uncompressedBytes = 0
    private let stream: ZstdStream
    private let worker: SerialWorker?
    /// Emptied buffers the worker gives back, so a hand-off allocates nothing.
    private let spare = Locked([Chunk]())
    private var staging: [UInt8] = []
    private var finished = false

    init(path: String, level: Int32 = ZstdFileWriter.defaultLevel, background: Bool = false) throws {
        self.path = path
        stream = try ZstdStream(path: path, level: level)
        worker = background ? SerialWorker(label: "flywheel.zstd", capacity: ZstdFileWriter.backlog) : nil
        staging.reserveCapacity(ZstdFileWriter.stagingLimit + 4096)
    }

    deinit {
        if !finished { worker?.cancel() }
    }

    /// Appends uncompressed bytes.
    func write(_ bytes: [UInt8]) throws {
        staging += bytes
        if staging.count >= ZstdFileWriter.stagingLimit { try flush(endFrame: false) }
    }

    /// Appends bytes produced by `body` into the staging buffer directly (no intermediate array).
    func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&staging)
        if staging.count >= ZstdFileWriter.stagingLimit { try flush(endFrame: false) }
    }

    /// Ends the zstd frame now, which frees its context, for a file that is complete before
    /// the others (a corpus's articles). Writing more starts a second frame.
    func endFrame() throws {
        try flush(endFrame: true)
    }

    /// Ends the frame and closes the file. Returns (compressed bytes, hex SHA-256).
    func finish() throws -> (bytes: Int, sha256: String) {
        precondition(!finished, "ZstdFileWriter.finish() called twice")
        try flush(endFrame: false)
        finished = true
        if let worker {
            do {
                try worker.finish()
            } catch {
                worker.cancel()
                throw error
            }
        }
        return try stream.finish()
    }

    private func flush(endFrame: Bool) throws {
        uncompressedBytes += staging.count
        guard let worker else {
            try staging.withUnsafeBufferPointer { try stream.compress($0, endFrame: endFrame) }
            staging.removeAll(keepingCapacity: true)
            return
        }
        if staging.isEmpty && !endFrame { return }
        let chunk = spare.withLock { $0.popLast() } ?? Chunk()
        swap(&chunk.bytes, &staging)
        if staging.capacity == 0 { staging.reserveCapacity(ZstdFileWriter.stagingLimit + 4096) }
        try worker.submit { [stream, spare] in
            try chunk.bytes.withUnsafeBufferPointer { try stream.compress($0, endFrame: endFrame) }
            chunk.bytes.removeAll(keepingCapacity: true)
            spare.withLock { $0.append(chunk) }
        }
    }
}

/// A staging buffer on its way to the compressing thread: a class, so it moves between the
/// threads without a copy. Touched by one thread at a time (the writer's until it is
/// submitted, the worker's until it is given back).
private final class Chunk: @unchecked Sendable {
    var bytes: [UInt8] = []
}
