import FlywheelCore

/// How to start a stage's plugin (`system.<stage>.process`, with `kind: process`).
public struct ProcessSpec: Codable, Sendable, Hashable {
    /// The program and its arguments, e.g. `[python3, plugins/bm25s_retriever.py]`; looked up on
    /// `PATH` and run in the directory the scenario's relative paths resolve against.
    public var command: [String] = []
    /// Variables added to the plugin's environment.
    public var env: [String: String] = [:]
    /// Longest wait for any one reply (wall-clock time).
    public var timeout = SimDuration(seconds: 60)
    public init() {}
    enum CodingKeys: String, CodingKey, CaseIterable { case command, env, timeout }
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ProcessSpec()
        command = try c.decode([String].self, forKey: .command)
        guard !command.isEmpty, !command[0].isEmpty else {
            throw ScenarioKeyError(path: decoder.keyPath + ["command"], message: "must name a program, e.g. [python3, plugins/bm25s_retriever.py]")
        }
        env = try c.decodeIfPresent([String: String].self, forKey: .env) ?? d.env
        timeout = try c.decodeIfPresent(SimDuration.self, forKey: .timeout) ?? d.timeout
        try require(Double(timeout.seconds), in: 1...86_400, "timeout", decoder)
    }

    static var schema: SchemaNode {
        .object(
            "How to start the stage's plugin (only with `kind: process`).", CodingKeys.self, defaults: ProcessSpec(),
            required: [.command],
            [
                .command: .array("The program and its arguments, looked up on PATH, run in the scenario's root.", of: .string("One argument."), minItems: 1),
                .env: .map("Variables added to the plugin's environment.", of: .string("A value.")),
                .timeout: .duration("Longest wall-clock wait for any one reply (1s to 1d); longer ends the run with exit 2."),
            ])
    }

    /// Checks the stage's kind and `process` agree: a process stage needs its command, any
    /// other kind has none.
    static func check(isProcess: Bool, process: ProcessSpec?, _ decoder: any Decoder) throws {
        if isProcess && process == nil {
            throw ScenarioKeyError(path: decoder.keyPath + ["process"], message: "required with `kind: process` (its `command` at least)")
        }
        if !isProcess && process != nil {
            throw ScenarioKeyError(path: decoder.keyPath + ["process"], message: "only allowed with `kind: process`")
        }
    }
}
