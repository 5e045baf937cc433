/// What an agent said in one annotation, as stored in `annotations.label`: the closed vocabulary
/// of each ``SignalKind``. The label determines the kind, so a relevance mark labelled "tie"
/// cannot be written.
public enum AnnotationLabel: Hashable, Sendable, CaseIterable {
    /// `a`, `b`, `tie`, `both_bad`.
    case preference(PreferenceChoice)
    /// `used`, `edited`, `rejected`.
    case adoption(AdoptionOutcome)
    /// `relevant` or `not_relevant`.
    case relevance(relevant: Bool)
    /// `flag`: the agent flagged missing knowledge.
    case missingKnowledge

    public static let allCases: [AnnotationLabel] =
        PreferenceChoice.allCases.map(preference) + AdoptionOutcome.allCases.map(adoption)
        + [.relevance(relevant: true), .relevance(relevant: false), .missingKnowledge]

    /// The signal the label belongs to (`annotations.kind`).
    public var kind: SignalKind {
        switch self {
        case .preference: .preference
        case .adoption: .adoption
        case .relevance: .relevance
        case .missingKnowledge: .missingKnowledge
        }
    }

    /// The stored text.
    public var rawValue: String {
        switch self {
        case .preference(let choice): choice.rawValue
        case .adoption(let outcome): outcome.rawValue
        case .relevance(let relevant): relevant ? "relevant" : "not_relevant"
        case .missingKnowledge: "flag"
        }
    }

    /// The label `rawValue` of kind `kind`; nil when `kind` has no such label.
    public init?(kind: SignalKind, rawValue: String) {
        guard let label = Self.allCases.first(where: { $0.kind == kind && $0.rawValue == rawValue }) else { return nil }
        self = label
    }

    /// The labels of `kind`, as stored.
    public static func labels(of kind: SignalKind) -> [String] {
        allCases.filter { $0.kind == kind }.map(\.rawValue)
    }
}
