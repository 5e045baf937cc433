/// What implements a stage of the system under test: `system.retriever.kind` and
/// `system.reranker.kind` take a ``StageKind``; `system.generator.kind` a ``GeneratorKind``
/// (the same values and `openai`).
public enum StageKind: String, CaseIterable, Codable, Sendable, Hashable, KindVocabulary {
    /// Flywheel's own: BM25 with learned expansion, the pairwise reranker.
    case builtin
    /// A program speaking the process protocol (docs/protocol.md), started per (arm, replicate).
    case process

    var meaning: String {
        switch self {
        case .builtin: StageKindMeaning.builtin
        case .process: StageKindMeaning.process
        }
    }
}

/// What writes the suggested replies (`system.generator.kind`).
public enum GeneratorKind: String, CaseIterable, Codable, Sendable, Hashable, KindVocabulary {
    /// The extractive generator with a learned reward model.
    case builtin
    /// A plugin program speaking docs/protocol.md.
    case process
    /// An OpenAI-compatible chat model (the `openai:` block), learning few-shot examples.
    case openai

    var meaning: String {
        switch self {
        case .builtin: "The extractive generator with a learned reward model (the keys above; the default)."
        case .process: StageKindMeaning.process
        case .openai: "The `openai:` block's chat model, learning few-shot examples (`few_shot`); see docs/llm.md."
        }
    }
}

/// The meanings the two vocabularies share, said once.
enum StageKindMeaning {
    static let builtin = "Flywheel's own stage (the default)."
    static let process = "A plugin program speaking docs/protocol.md; needs `process`."
}

/// A closed vocabulary of `kind` values whose schema says what each value means.
protocol KindVocabulary: CaseIterable, RawRepresentable where RawValue == String {
    /// What the schema and `flywheel scenario docs` say of the value.
    var meaning: String { get }
}

extension KindVocabulary {
    static var schema: SchemaNode {
        .oneOf(
            "What implements the stage: " + allCases.map { "`\($0.rawValue)`: \($0.meaning)" }.joined(separator: " "),
            allCases.map(\.rawValue))
    }
}
