/// How to start one stage's plugin: the scenario's `system.<stage>.process` settings, resolved.
public struct PluginCommand: Sendable, Hashable {
    /// The stage the plugin serves (retriever, reranker or generator), for messages and errors.
    public var stage: String
    /// The program and its arguments; the program is looked up on `PATH`.
    public var command: [String]
    /// Variables added to Flywheel's environment.
    public var environment: [String: String]
    /// Longest wait for any one reply (and for the plugin to read a request), in seconds.
    public var timeoutSeconds: Double
    /// The plugin's working directory: the scenario file's folder, which the command's relative
    /// paths resolve against.
    public var directory: String
    /// Whether a version-2 plugin's process may serve the run's next job after a `reset`
    /// (``PluginPool``); false: a new process per job, whatever the version.
    public var reuse: Bool

    public init(
        stage: String, command: [String], environment: [String: String] = [:], timeoutSeconds: Double = 60,
        directory: String, reuse: Bool = true
    ) {
        self.stage = stage
        self.command = command
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
        self.directory = directory
        self.reuse = reuse
    }

    /// The command as a user would type it, for messages.
    var display: String { command.joined(separator: " ") }
}
