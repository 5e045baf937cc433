import FlywheelCore
import World

/// How to start a stage's plugin (`system.<stage>.process`, with `kind: process`).
public struct ProcessSpec: Codable, Sendable, Hashable {
    /// The program and its arguments, e.g. `[python3, ../plugins/bm25s_retriever.py]`; a bare
    /// program name is looked up on `PATH`, and the plugin runs in the scenario file's folder, so
    /// relative paths in the command resolve against it (``ScenarioPaths``).
    public var command: [String] = []
    /// Variables added to the plugin's environment.
    public var env: [String: String] = [:]
    /// Longest wait for any one reply (wall-clock time).
    public var timeout = SimDuration(seconds: 60)
    /// Whether a plugin speaking protocol version 2 serves one job after another (a `reset`
    /// between them); false starts a new process for every job, to check that reuse changes
    /// nothing (docs/protocol.md, "Versions").
    public var reuse = true
    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable { case command, env, timeout, reuse }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ProcessSpec()
        command = try c.decode([String].self, forKey: .command)
        if command.isEmpty || command[0].isEmpty {
            try decoder.report(
                path: decoder.keyPath + ["command"],
                message: "must name a program, e.g. [python3, ../plugins/bm25s_retriever.py]")
        }
        env = try c.decodeIfPresent([String: String].self, forKey: .env) ?? d.env
        timeout = try c.decodeIfPresent(SimDuration.self, forKey: .timeout) ?? d.timeout
        try decoder.require(Double(timeout.seconds), in: 1...86_400, "timeout")
        reuse = try c.decodeIfPresent(Bool.self, forKey: .reuse) ?? d.reuse
    }

    static var schema: SchemaNode {
        .object(
            "How to start the stage's plugin (only with `kind: process`).", CodingKeys.self, defaults: ProcessSpec(),
            required: [.command],
            [
                .command: .array(
                    "The program and its arguments; a bare program name is looked up on PATH. The plugin runs in the scenario file's folder, so relative paths in the command (`../.venv-plugins/bin/python`, `../plugins/x.py`) resolve against it.",
                    of: .string("One argument."), minItems: 1),
                .env: .map("Variables added to the plugin's environment.", of: .string("A value.")),
                .timeout: .duration(
                    "Longest wall-clock wait for any one reply (1s to 1d); longer ends the run with exit 2."),
                .reuse: .boolean(
                    "Whether a plugin that speaks protocol version 2 serves the run's jobs one after another (a `reset` between them, one process per `--jobs` slot); false starts a new process for every job, to check that reuse changes no number."
                )
            ])
    }

    /// Checks the stage's kind and `process` agree: a process stage needs its command, any
    /// other kind has none.
    static func check(isProcess: Bool, process: ProcessSpec?, _ decoder: any Decoder) throws {
        if isProcess && process == nil {
            try decoder.report(
                path: decoder.keyPath + ["process"], message: "required with `kind: process` (its `command` at least)")
        }
        if !isProcess && process != nil {
            try decoder.report(path: decoder.keyPath + ["process"], message: "only allowed with `kind: process`")
        }
    }
}
