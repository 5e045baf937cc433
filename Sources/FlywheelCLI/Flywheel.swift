import ArgumentParser
import FlywheelCore

#if canImport(Glibc)
    import Glibc

    /// write(2), named apart from the `write` methods of this file's types.
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    /// write(2), named apart from the `write` methods of this file's types.
    private let systemWrite = Darwin.write
#endif

/// The `flywheel` command: a thin layer over the library targets.
struct Flywheel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flywheel",
        abstract: "Simulate and replay the agent-in-the-loop data flywheel of an LLM support system.",
        discussion: """
            Flywheel replays tickets through retrieval, generation and simulated agents' feedback \
            over many retraining cycles, and measures how recall@75, precision@8, helpfulness and \
            adoption evolve.

            Exit status (every command):
              0   success
              1   an expectation failed (flywheel check)
              2   bad input: a file, or an option that does not fit it; results of
                  another run key without --force; a locked results folder; a storage
                  failure (disk full, read-only, permission denied)
              64  usage: unknown option, missing argument, value out of range

            Bad input gets one line on standard error naming the file, line and key path, or the \
            --flag (--arm: 'x' is not an arm …). Usage errors name the flag and print the usage \
            (--replicates must be between 1 and 1000, got 0).

            Examples:
              flywheel run scenarios/quickstart.yaml
              flywheel check scenarios/ci/converges.yaml --junit results/junit.xml
              flywheel --version
            """,
        version: FlywheelVersion.current,
        subcommands: CommandRegistry.subcommands
    )
}

/// Runs the command line and maps errors to exit statuses (``ExitStatus``): 0 success, 1 a
/// failed check, 2 bad input (an ``InputError``) or a storage failure (disk full, read-only,
/// permission denied: ``StorageFailure``), 64 a usage error (ArgumentParser's).
public func main() async {
    do {
        var command = try Flywheel.parseAsRoot()
        try InputLimit.checkEnvironment()
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    } catch let error as InputError {
        reportInputError(error)
    } catch {
        if let storage = StorageFailure.inputError(error) { reportInputError(storage) }
        Flywheel.exit(withError: error)
    }
}

func reportInputError(_ error: InputError) -> Never {
    var standardError = StandardError()
    for line in error.commandLines { print("error: \(line)", to: &standardError) }
    exit(ExitStatus.badInput)
}

/// Standard error as a `TextOutputStream`: `print("…", to: &standardError)`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            _ = systemWrite(2, buffer.baseAddress, buffer.count)
        }
    }
}
