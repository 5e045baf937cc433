import FlywheelCore

/// Why a plugin session ended: each ends the run with exit status 2 and one line naming the
/// stage, the request and the tail of the plugin's standard error.
enum PluginFailure: Error, Sendable, Equatable {
    /// The program could not be started.
    case start(String)
    /// The plugin exited (or closed its output) before replying.
    case crash(String)
    /// No complete reply (or no room to write the request) within the timeout.
    case timeout(Double)
    /// The reply line is not JSON.
    case notJSON(String)
    /// The reply is JSON but breaks the protocol (wrong id, missing or malformed result).
    case violation(String)
    /// The plugin answered the request with `error`.
    case refused(String)

    var summary: String {
        switch self {
        case .start(let why): "could not start: \(why)"
        case .crash(let how): "crashed: \(how)"
        case .timeout(let seconds): "timed out: no reply within \(TimeoutText.seconds(seconds))"
        case .notJSON(let line): "replied with a line that is not JSON: \(line)"
        case .violation(let what): "broke the protocol: \(what)"
        case .refused(let message): "answered with an error: \(message)"
        }
    }

    /// The one-line error the CLI prints: `field "system.retriever": plugin `…`: request 7
    /// (retrieve): timed out …; stderr tail: …`.
    func inputError(command: PluginCommand, request: String, stderrTail: String) -> InputError {
        var message = "plugin `\(command.display)`: request \(request): \(summary)"
        message += stderrTail.isEmpty ? "; no stderr output" : "; stderr tail: \(stderrTail)"
        return InputError(field: "system.\(command.stage)", message)
    }
}

enum TimeoutText {
    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
