import FlywheelCore

/// A simulated support agent's behaviour as data: a named, versioned YAML file under
/// `scenarios/personas/` (docs/world.md "Personas").
///
/// Every "noise" knob has two exact ends: its zero-noise value makes the agent say exactly what
/// the truth says, its infinite-noise value (YAML `.inf`, or 0.5 for sensitivities) makes the
/// labels independent of the truth. See each behaviour's doc comment.
///
/// ```yaml
/// name: careful-expert
/// version: 1
/// participation: {preference: 0.6, adoption: 1.0, relevance: 0.5, missing_knowledge: 0.8}
/// fatigue: {per_hour: 0.02}
/// preference: {noise: 0.1, position_bias: 0.02, length_bias: 0.0, margins: [0.05, 0.15, 0.30], tie_band: 0.02}
/// adoption: {threshold: 0.65, slope: 12, edit_share: 0.4, trust: {initial: 0.7, rate: 0.05}}
/// rationale: {accuracy: 0.9}
/// relevance: {checks: 4, sensitivity: 0.90, specificity: 0.97}
/// missing_knowledge: {detection: 0.7, false_flag: 0.01}
/// cost_seconds: {preference: 12, adoption: 5, rationale: 10, relevance: 4, missing_knowledge: 25}
/// ```
public struct Persona: Codable, Sendable, Hashable {
    public var name: String
    public var version: Int
    public var description: String?
    public var participation: Participation
    public var fatigue: Fatigue
    public var preference: PreferenceBehaviour
    public var adoption: AdoptionBehaviour
    public var rationale: RationaleBehaviour
    public var relevance: RelevanceBehaviour
    public var missingKnowledge: MissingKnowledgeBehaviour
    public var costSeconds: CostSeconds

    public init(
        name: String, version: Int = 1, description: String? = nil,
        participation: Participation, fatigue: Fatigue = .init(), preference: PreferenceBehaviour,
        adoption: AdoptionBehaviour, rationale: RationaleBehaviour, relevance: RelevanceBehaviour,
        missingKnowledge: MissingKnowledgeBehaviour, costSeconds: CostSeconds = .init()
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.participation = participation
        self.fatigue = fatigue
        self.preference = preference
        self.adoption = adoption
        self.rationale = rationale
        self.relevance = relevance
        self.missingKnowledge = missingKnowledge
        self.costSeconds = costSeconds
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, version, description, participation, fatigue, preference, adoption, rationale, relevance
        case missingKnowledge = "missing_knowledge"
        case costSeconds = "cost_seconds"
    }
}

/// Probability of giving each signal on a ticket, before fatigue.
public struct Participation: Codable, Sendable, Hashable {
    public var preference: Double
    public var adoption: Double
    public var relevance: Double
    public var missingKnowledge: Double

    public init(preference: Double, adoption: Double, relevance: Double, missingKnowledge: Double) {
        self.preference = preference
        self.adoption = adoption
        self.relevance = relevance
        self.missingKnowledge = missingKnowledge
    }

    /// The probability for one signal.
    public subscript(kind: SignalKind) -> Double {
        switch kind {
        case .preference: preference
        case .adoption: adoption
        case .relevance: relevance
        case .missingKnowledge: missingKnowledge
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case preference, adoption, relevance
        case missingKnowledge = "missing_knowledge"
    }
}

/// Fatigue over a shift: after `h` hours the factor `f = (1 − per_hour)^h` multiplies every
/// participation probability, the rationale accuracy and missing-knowledge detection, pulls
/// relevance sensitivity and specificity toward 0.5 (`0.5 + (s − 0.5)·f`) and divides the
/// preference temperature (`T / f`). `per_hour: 0` is a tireless agent.
public struct Fatigue: Codable, Sendable, Hashable {
    public var perHour: Double
    public init(perHour: Double = 0) { self.perHour = perHour }

    /// The factor after `minutes` into a shift.
    public func factor(minutesIntoShift minutes: Double) -> Double {
        guard perHour > 0 else { return 1 }
        return pow(max(0, 1 - perHour), max(0, minutes) / 60)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case perHour = "per_hour"
    }
}

/// Agent-seconds each annotation costs (per checked article for relevance), plus the time to
/// handle a ticket, which advances the shift clock but is not annotation effort.
public struct CostSeconds: Codable, Sendable, Hashable {
    public var preference: Double
    public var adoption: Double
    public var rationale: Double
    public var relevance: Double
    public var missingKnowledge: Double
    /// Time to work one ticket (default 300 s); drives fatigue.
    public var handling: Double?

    public init(
        preference: Double = 12, adoption: Double = 5, rationale: Double = 10, relevance: Double = 4,
        missingKnowledge: Double = 25, handling: Double? = nil
    ) {
        self.preference = preference
        self.adoption = adoption
        self.rationale = rationale
        self.relevance = relevance
        self.missingKnowledge = missingKnowledge
        self.handling = handling
    }

    /// Default time to handle a ticket, in seconds.
    public static let defaultHandling: Double = 300

    enum CodingKeys: String, CodingKey, CaseIterable {
        case preference, adoption, rationale, relevance, handling
        case missingKnowledge = "missing_knowledge"
    }
}

extension Persona {
    static var keySchema: KeySchema {
        .keys(
            CodingKeys.self,
            nested: [
                "participation": .keys(Participation.CodingKeys.self),
                "fatigue": .keys(Fatigue.CodingKeys.self),
                "preference": .keys(PreferenceBehaviour.CodingKeys.self),
                "adoption": .keys(
                    AdoptionBehaviour.CodingKeys.self, nested: ["trust": .keys(AdoptionBehaviour.Trust.CodingKeys.self)]
                ),
                "rationale": .keys(RationaleBehaviour.CodingKeys.self),
                "relevance": .keys(RelevanceBehaviour.CodingKeys.self),
                "missing_knowledge": .keys(MissingKnowledgeBehaviour.CodingKeys.self),
                "cost_seconds": .keys(CostSeconds.CodingKeys.self)
            ])
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
