import FlywheelCore
import World

/// What gives the evaluation's 1–5 helpfulness: the world's built-in judge or an
/// OpenAI-compatible chat model (`judge.kind`).
public enum JudgeKind: String, CaseIterable, Codable, Sendable {
    case builtin, openai
}

extension KeyedDecodingContainer {
    /// A closed-vocabulary value; the error names the key path and lists the valid values.
    func decodeKind<Kind: CaseIterable & RawRepresentable>(
        _: Kind.Type, forKey key: Key, default value: Kind, _ decoder: any Decoder
    ) throws -> Kind where Kind.RawValue == String {
        guard let raw = try decodeIfPresent(String.self, forKey: key) else { return value }
        guard let kind = Kind(rawValue: raw) else {
            throw YAMLProblem(
                path: decoder.keyPath + [key.stringValue],
                message: "'\(raw)' is not one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }
}
