/// Which part of a run asks an LLM: the system's generator or the world's judge. Each has its
/// own endpoint, budget and usage counts.
public enum LLMRole: String, CaseIterable, Sendable, Codable {
    case generator, judge

    /// The scenario key path of the role's `openai:` block, for error messages.
    public var keyPath: String {
        switch self {
        case .generator: "system.generator.openai"
        case .judge: "judge.openai"
        }
    }
}
