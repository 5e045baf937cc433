/// A closed vocabulary: a string enum whose decoding errors list every valid value.
///
/// ```swift
/// enum Colour: String, ClosedVocabulary { case red, green }
/// // decoding "blue" fails with: 'blue' is not one of: red, green
/// ```
public protocol ClosedVocabulary: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension ClosedVocabulary {
    /// Every valid spelling, comma-separated, for error messages and `--help`.
    public static var validValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "'\(raw)' is not one of: \(Self.validValues)")
        }
        self = value
    }
}

extension SignalKind: ClosedVocabulary {}
extension PreferenceChoice: ClosedVocabulary {}
extension PreferenceMargin: ClosedVocabulary {}
extension AdoptionOutcome: ClosedVocabulary {}
extension RationaleCategory: ClosedVocabulary {}
