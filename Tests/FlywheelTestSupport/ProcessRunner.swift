import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program as a user would and collects what it printed. Standard output and standard
/// error are drained concurrently, so a program that fills one pipe while the other is read
/// never stalls.
package enum ProcessRunner {
    package typealias Output = (status: Int32, stdout: String, stderr: String)

    /// Runs `executable` with `arguments`, the test's environment plus `environment`, in
    /// `directory` (default: the test's working directory), and waits for it.
    package static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
    ) throws -> Output {
        let p = process(executable, arguments, environment: environment, in: directory)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = Drain(out.fileHandleForReading)
        let e = err.fileHandleForReading.readDataToEndOfFile()
        let o = stdout.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Starts `executable` and sends it SIGKILL after `seconds` unless it ended first; returns
    /// whether it was killed. Its output is discarded.
    package static func runKilled(_ executable: String, _ arguments: [String], after seconds: Double) throws -> Bool {
        let p = process(executable, arguments)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(5_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return killedBySIGKILL(p)
    }

    /// Starts `executable` and sends it SIGKILL as soon as a line it writes to standard error
    /// satisfies `condition` — an abrupt end at a moment the program itself announced, with no
    /// hook inside it. Returns whether SIGKILL ended it (false: it ended on its own first) and
    /// the standard error read. Its standard output is discarded.
    package static func runKilled(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        whenStandardErrorLine condition: (String) -> Bool
    ) throws -> (killed: Bool, stderr: String) {
        let p = process(executable, arguments, environment: environment)
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        var text: [UInt8] = []
        var lineStart = 0
        var sent = false
        while case let chunk = err.fileHandleForReading.availableData, !chunk.isEmpty {
            text += chunk
            while !sent, let newline = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: text[lineStart..<newline], as: UTF8.self)
                lineStart = newline + 1
                if condition(line) {
                    kill(p.processIdentifier, SIGKILL)
                    sent = true
                }
            }
        }
        p.waitUntilExit()
        return (sent && killedBySIGKILL(p), String(decoding: text, as: UTF8.self))
    }

    static func process(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
    ) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        return p
    }

    static func killedBySIGKILL(_ p: Process) -> Bool {
        p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL
    }
}

/// Reads a file handle to its end on another thread.
private final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
