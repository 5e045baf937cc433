import ArgumentParser
import FlywheelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
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

            Bad input (corpus files, scenarios, personas) exits with status 2 and a message naming \
            the file, line and field.
            """,
        subcommands: CommandRegistry.subcommands
    )
}

/// Runs the command line and maps errors to exit statuses: 0 success, 1 a failed check,
/// 2 bad input (an ``InputError`` or a usage error) or a storage failure (disk full, read-only,
/// permission denied: ``StorageFailure``), other codes as ArgumentParser decides.
public func main() async {
    do {
        var command = try Flywheel.parseAsRoot()
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
    print("error: \(error)", to: &standardError)
    exit(2)
}

/// Standard error as a `TextOutputStream`: `print("…", to: &standardError)`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            _ = Glibc.write(2, buffer.baseAddress, buffer.count)
        }
    }
}
