/// What implements a stage of the system under test (`system.retriever.kind`, and likewise for
/// the reranker and the generator).
public enum StageKind: String, CaseIterable, Codable, Sendable, Hashable {
    /// Flywheel's own: BM25 with learned expansion, the pairwise reranker, the extractive generator.
    case builtin
    /// A program speaking the process protocol (docs/protocol.md), started per (arm, replicate).
    case process

    /// What the schema and `flywheel scenario docs` say of each value.
    var meaning: String {
        switch self {
        case .builtin: "Flywheel's own stage (the default)."
        case .process: "A plugin program speaking docs/protocol.md; needs `process`."
        }
    }
}

extension StageKind {
    /// Decodes `kind`; an unknown value names the valid ones.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K, _ decoder: any Decoder) throws -> StageKind {
        guard let raw = try c.decodeIfPresent(String.self, forKey: key) else { return .builtin }
        guard let kind = StageKind(rawValue: raw) else {
            throw ScenarioKeyError(
                path: decoder.keyPath + [key.stringValue],
                message: "'\(raw)' is not one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }

    static var schema: SchemaNode {
        .oneOf(
            "What implements the stage: " + allCases.map { "`\($0.rawValue)`: \($0.meaning)" }.joined(separator: " "),
            allCases.map(\.rawValue))
    }
}
