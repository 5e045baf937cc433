import FlywheelCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running plugin and its JSON-lines conversation (docs/protocol.md): a request per line on
/// its standard input, a reply per line on its standard output, its standard error kept as a
/// short tail for error messages. Serves one (arm, replicate) job at a time, from that job's
/// thread only (the lock guards against misuse, not for throughput); a version-2 plugin serves
/// the next job after a `reset` (``beginSession()``, ``PluginPool``).
///
/// The first failure (see ``PluginFailure``) kills the plugin, and every later request throws
/// the same error: a run never goes on with a broken stage.
final class PluginChannel: @unchecked Sendable {
    let command: PluginCommand
    private let process = Process()
    private let stdinFD: Int32
    private let stdoutFD: Int32
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderr: StderrTail
    /// The plugin's output, read in place (``LineBuffer``): a reply is scanned where it was read.
    private let replies = LineBuffer()
    /// The request being written, its buffer kept from request to request.
    private var outgoing: [UInt8] = []
    private var nextRequest = 1
    private var nextModel = 0
    private var failure: InputError?
    /// Held for a whole request (or any read of the conversation's state above: `pending`,
    /// the counters, `failure`, capabilities): the conversation is one exchange at a time.
    private let conversation = Locked(())
    /// Models no stage refers to any more, released before the next request (stages release
    /// from any thread, outside a request).
    private let released = Locked([Int]())
    /// What the plugin said it implements in its hello.
    private(set) var capabilities: Set<PluginMessages.Op> = []
    /// The version its hello reply chose (0 before the hello).
    private(set) var version = 0
    /// The parts of a `retrain` batch it reads: its hello reply's `training` from version 3
    /// on, every part otherwise.
    private(set) var training = Set(PluginMessages.TrainingPart.allCases)
    /// The fields of tickets and articles it reads: its hello reply's `inputs` from version 5
    /// on, every field otherwise.
    private(set) var inputs = PluginMessages.Input.all

    init(_ command: PluginCommand) throws {
        self.command = command
        signal(SIGPIPE, SIG_IGN)
        let stderrPipe = Pipe()
        stderr = StderrTail(stderrPipe.fileHandleForReading)
        guard !command.command.isEmpty else {
            throw PluginFailure.start("the command is empty").inputError(
                command: command, request: "0 (start)", stderrTail: "")
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command.command
        process.currentDirectoryURL = URL(fileURLWithPath: command.directory)
        process.environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        stdinFD = stdinPipe.fileHandleForWriting.fileDescriptor
        stdoutFD = stdoutPipe.fileHandleForReading.fileDescriptor
        do {
            try process.run()
        } catch {
            throw PluginFailure.start("\(error)").inputError(command: command, request: "0 (start)", stderrTail: "")
        }
        stderr.start()
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        widenPipe(stdinFD)
        widenPipe(stdoutFD)
    }

    deinit {
        if failure == nil, process.isRunning {
            let id = nextRequest
            _ = try? exchange(
                PluginMessages.Shutdown(id: id), id: id, op: .shutdown, timeout: min(command.timeoutSeconds, 5))
        }
        try? stdinPipe.fileHandleForWriting.close()
        if !waitForExit(seconds: 2) { process.terminate() }
        _ = waitForExit(seconds: 2)
    }

    /// A new model number for `publish` or `retrain` to make.
    func newModel() -> Int {
        conversation.withLock { _ in
            nextModel += 1
            return nextModel
        }
    }

    /// Starts the next job's session on this process (version 2): request ids start again at 1
    /// and model numbers at 0, and releases still pending for the last job are dropped (the
    /// `reset` that follows drops every model). A job's requests are then the same bytes
    /// whichever process serves it, and whatever it served before.
    func beginSession() {
        conversation.withLock { _ in
            nextRequest = 1
            nextModel = 0
        }
        released.withLock { $0 = [] }
    }

    /// Whether the process may serve another job: it is running and has not failed.
    var isReusable: Bool {
        conversation.withLock { _ in failure == nil && process.isRunning }
    }

    /// The plugin's process id (tests tell a reused process from a new one by it).
    var processID: Int32 { process.processIdentifier }

    /// Marks `model` as no longer needed; the plugin hears of it with the next request.
    func release(_ model: Int) {
        released.withLock { $0.append(model) }
    }

    /// Sends the request `make(id)` and returns its reply (`ok`, the right id); throws the
    /// run-ending ``InputError`` otherwise. `names`: the articles a retrieve or rerank reply
    /// may name, which its lists are read against (``ReplyScanner``).
    func request<M: Encodable>(
        _ op: PluginMessages.Op, names: ArticleTable? = nil, _ make: (Int) -> M
    ) throws -> PluginMessages.Reply {
        try conversation.withLock { _ in try requestHeld(op, names: names, make) }
    }

    /// ``request(_:names:_:)`` with the conversation held.
    private func requestHeld<M: Encodable>(
        _ op: PluginMessages.Op, names: ArticleTable?, _ make: (Int) -> M
    ) throws -> PluginMessages.Reply {
        if let failure { throw failure }
        let toRelease = released.withLock { models in
            defer { models = [] }
            return models.sorted()
        }
        if !toRelease.isEmpty, capabilities.contains(.release) {
            let id = nextRequest
            nextRequest += 1
            _ = try checked(id: id, op: .release) { () throws(PluginFailure) in
                try exchange(
                    PluginMessages.Release(id: id, models: toRelease), id: id, op: .release,
                    timeout: command.timeoutSeconds)
            }
        }
        let id = nextRequest
        nextRequest += 1
        let reply = try checked(id: id, op: op) { () throws(PluginFailure) in
            try exchange(make(id), id: id, op: op, names: names, timeout: command.timeoutSeconds)
        }
        if op == .hello {
            capabilities = Set(reply.capabilities ?? [])
            version = reply.protocol ?? 0
            training = Self.training(reply, version: version)
            inputs = Self.inputs(reply, version: version)
        }
        return reply
    }

    /// The training parts a hello or reset reply asks for (every part before version 3 or
    /// without `training`).
    static func training(_ reply: PluginMessages.Reply, version: Int) -> Set<PluginMessages.TrainingPart> {
        guard version >= PluginMessages.trainingVersion, let parts = reply.training else {
            return Set(PluginMessages.TrainingPart.allCases)
        }
        return Set(parts)
    }

    /// The fields of tickets and articles a hello or reset reply asks for (every field before
    /// version 5 or without `inputs`).
    static func inputs(_ reply: PluginMessages.Reply, version: Int) -> Set<PluginMessages.Input> {
        guard version >= PluginMessages.inputsVersion, let inputs = reply.inputs else {
            return PluginMessages.Input.all
        }
        return Set(inputs)
    }

    /// A violation found by a stage in a reply it got (a result that breaks the protocol):
    /// kills the plugin and returns the run-ending error.
    func violation(_ what: String, request id: Int, op: PluginMessages.Op) -> InputError {
        conversation.withLock { _ in fail(.violation(what), request: "\(id) (\(op.rawValue))") }
    }

    /// The id of the last request sent.
    var lastRequest: Int {
        conversation.withLock { _ in nextRequest - 1 }
    }

    private func checked(
        id: Int, op: PluginMessages.Op, _ body: () throws(PluginFailure) -> PluginMessages.Reply
    ) throws -> PluginMessages.Reply {
        do {
            return try body()
        } catch {
            throw fail(error, request: "\(id) (\(op.rawValue))")
        }
    }

    private func fail(_ why: PluginFailure, request: String) -> InputError {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = waitForExit(seconds: 1)
        let error = why.inputError(command: command, request: request, stderrTail: stderr.tail(settle: 0.2))
        failure = error
        return error
    }

    private func exchange<M: Encodable>(
        _ message: M, id: Int, op: PluginMessages.Op, names: ArticleTable? = nil, timeout: Double
    ) throws(PluginFailure) -> PluginMessages.Reply {
        // The bulky requests by hand (``RequestWriter``, the encoder's very bytes), the rest by the encoder.
        outgoing.removeAll(keepingCapacity: true)
        if let fast = message as? any WireWritable {
            fast.writeJSON(to: &outgoing)
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let encoded = try? encoder.encode(message) else {
                throw .violation("could not encode the \(op.rawValue) request")
            }
            outgoing += encoded
        }
        outgoing.append(0x0A)
        let deadline = Date().addingTimeInterval(timeout)
        try write(outgoing, deadline: deadline, timeout: timeout)
        let line = try readLine(deadline: deadline, timeout: timeout)
        // Lists (most of the bytes) by the scanner, in place, everything else by the decoder: one
        // parse on the happy path; only a reply that does not decode is parsed again, to tell a
        // line that is not a JSON object from one that breaks the reply schema.
        let reply: PluginMessages.Reply
        do {
            reply =
                try ReplyScanner.reply(terminated: line, table: names)
                ?? JSONDecoder().decode(PluginMessages.Reply.self, from: Data(line))
        } catch {
            guard (try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any] else {
                throw .notJSON(Self.excerpt(Array(line)))
            }
            throw .violation(
                "the reply does not fit the reply schema (\(Self.describe(error))): \(Self.excerpt(Array(line)))")
        }
        guard reply.id == id else { throw .violation("the reply's id is \(reply.id), expected \(id)") }
        if let message = reply.error { throw .refused(message) }
        guard reply.ok == true else { throw .violation("the reply has neither \"ok\": true nor \"error\"") }
        return reply
    }

    private func write(_ bytes: [UInt8], deadline: Date, timeout: Double) throws(PluginFailure) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { systemWrite(stdinFD, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
                continue
            }
            if n < 0, errno == EAGAIN || errno == EINTR {
                var fds = pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)
                if poll(&fds, 1, Self.milliseconds(until: deadline)) == 0 { throw .timeout(timeout) }
                continue
            }
            throw .crash(exitDescription(whileDoing: "reading its input"))
        }
    }

    /// The next reply line, in place in ``replies`` (followed by a 0): valid until the next read.
    private func readLine(deadline: Date, timeout: Double) throws(PluginFailure) -> UnsafeBufferPointer<UInt8> {
        while true {
            if let line = replies.nextLine() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return line
            }
            var fds = pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, Self.milliseconds(until: deadline))
            if ready == 0 { throw .timeout(timeout) }
            if ready < 0 { if errno == EINTR { continue } else { throw .crash("poll failed (errno \(errno))") } }
            let n = replies.read(from: stdoutFD)
            if n > 0 { continue }
            if n < 0, errno == EINTR { continue }
            throw .crash(exitDescription(whileDoing: "replying"))
        }
    }

    /// "exited with status 3 before replying", from the process once it is gone.
    private func exitDescription(whileDoing what: String) -> String {
        _ = waitForExit(seconds: 2)
        guard !process.isRunning else { return "closed its output before \(what)" }
        let status = process.terminationStatus
        return process.terminationReason == .uncaughtSignal
            ? "killed by signal \(status) before \(what)" : "exited with status \(status) before \(what)"
    }

    @discardableResult
    private func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        return !process.isRunning
    }

    private static func milliseconds(until deadline: Date) -> Int32 {
        Int32(max(0, min(Double(Int32.max), deadline.timeIntervalSinceNow * 1000)))
    }

    static func excerpt(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(120), as: UTF8.self)
        return line.count > 120 ? text + "…" : text
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let c): return "missing \(path(c.codingPath + [key]))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: ["."])
    }
}

/// POSIX `write`, under a name the channel's own `write` does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
