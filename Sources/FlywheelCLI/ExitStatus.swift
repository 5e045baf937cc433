/// The exit statuses of every `flywheel` command, as the root command's `--help` and the README
/// list them.
enum ExitStatus {
    /// Everything ran and every assertion held.
    static let success: Int32 = 0
    /// `flywheel check`: at least one expectation failed (or, with `--strict`, a scenario had none).
    static let expectationFailed: Int32 = 1
    /// Bad input: a corpus file, scenario, persona or option value (an `InputError`).
    static let badInput: Int32 = 2
    /// Usage: ArgumentParser's `EX_USAGE` for an unknown option, a missing argument or a failed
    /// `validate()`.
    static let usage: Int32 = 64
}
