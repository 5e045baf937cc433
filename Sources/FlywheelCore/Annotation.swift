/// The four kinds of feedback an agent gives while working a ticket (docs/annotations.md), and the
/// closed vocabularies they use. Every vocabulary is `CaseIterable` so errors and `--help` can
/// list the valid values.

/// Which AITL signal an annotation belongs to.
public enum SignalKind: String, CaseIterable, Codable, Sendable {
    case preference
    case adoption
    case relevance
    case missingKnowledge = "missing_knowledge"
}

/// Which of the two suggested replies the agent preferred.
public enum PreferenceChoice: String, CaseIterable, Codable, Sendable {
    case a, b, tie
    case bothBad = "both_bad"
}

/// How much better the preferred reply is.
public enum PreferenceMargin: String, CaseIterable, Codable, Sendable, Comparable {
    case slightly, clearly, much
    /// 1, 2, 3: the weight a reward model may give the pair.
    public var weight: Double {
        switch self {
        case .slightly: 1
        case .clearly: 2
        case .much: 3
        }
    }
    public static func < (l: Self, r: Self) -> Bool { l.weight < r.weight }
}

/// What the agent did with suggestion A.
public enum AdoptionOutcome: String, CaseIterable, Codable, Sendable {
    case used, edited, rejected
    public var isAdopted: Bool { self != .rejected }
}

/// Why a suggestion was edited or rejected.
public enum RationaleCategory: String, CaseIterable, Codable, Sendable {
    case incorrectInformation = "incorrect_information"
    case missingInformation = "missing_information"
    case irrelevant
    case outdated
    case toneOrStyle = "tone_or_style"
    case tooLong = "too_long"
    case other
}

/// Pairwise preference between suggestion A (current policy) and B (challenger).
public struct PreferenceAnnotation: Hashable, Sendable, Codable {
    public var ticket: TicketID
    public var agent: AgentID
    public var choice: PreferenceChoice
    /// Present when `choice` is `a` or `b`.
    public var margin: PreferenceMargin?
    public init(ticket: TicketID, agent: AgentID, choice: PreferenceChoice, margin: PreferenceMargin?) {
        self.ticket = ticket
        self.agent = agent
        self.choice = choice
        self.margin = margin
    }
}

/// Whether suggestion A was used as-is, edited or rejected, and why.
public struct AdoptionAnnotation: Hashable, Sendable, Codable {
    public var ticket: TicketID
    public var agent: AgentID
    public var outcome: AdoptionOutcome
    public var rationale: RationaleCategory?
    public var rationaleText: String?
    public init(
        ticket: TicketID, agent: AgentID, outcome: AdoptionOutcome,
        rationale: RationaleCategory? = nil, rationaleText: String? = nil
    ) {
        self.ticket = ticket
        self.agent = agent
        self.outcome = outcome
        self.rationale = rationale
        self.rationaleText = rationaleText
    }
    enum CodingKeys: String, CodingKey {
        case ticket, agent, outcome, rationale
        case rationaleText = "rationale_text"
    }
}

/// A knowledge-relevance check: the agent marked one of the shown articles relevant or not.
public struct RelevanceAnnotation: Hashable, Sendable, Codable {
    public var ticket: TicketID
    public var agent: AgentID
    public var article: ArticleID
    /// 1-based position of the article in the list the agent saw.
    public var rank: Int
    public var relevant: Bool
    public init(ticket: TicketID, agent: AgentID, article: ArticleID, rank: Int, relevant: Bool) {
        self.ticket = ticket
        self.agent = agent
        self.article = article
        self.rank = rank
        self.relevant = relevant
    }
}

/// A missing-knowledge flag: the agent says the knowledge base lacks what the ticket needs.
/// It carries what an agent can know: the ticket and a short note in the ticket's own words,
/// never an article id or a hidden topic.
public struct MissingKnowledgeAnnotation: Hashable, Sendable, Codable {
    public var ticket: TicketID
    public var agent: AgentID
    /// The agent's note: a few words taken from the ticket's text.
    public var note: String?
    public init(ticket: TicketID, agent: AgentID, note: String? = nil) {
        self.ticket = ticket
        self.agent = agent
        self.note = note
    }
}

/// Any one annotation, as logged. Encodes with a `"kind"` field naming its ``SignalKind``.
public enum Annotation: Hashable, Sendable, Codable {
    case preference(PreferenceAnnotation)
    case adoption(AdoptionAnnotation)
    case relevance(RelevanceAnnotation)
    case missingKnowledge(MissingKnowledgeAnnotation)

    public var kind: SignalKind {
        switch self {
        case .preference: .preference
        case .adoption: .adoption
        case .relevance: .relevance
        case .missingKnowledge: .missingKnowledge
        }
    }
    public var ticket: TicketID {
        switch self {
        case .preference(let a): a.ticket
        case .adoption(let a): a.ticket
        case .relevance(let a): a.ticket
        case .missingKnowledge(let a): a.ticket
        }
    }
    public var agent: AgentID {
        switch self {
        case .preference(let a): a.agent
        case .adoption(let a): a.agent
        case .relevance(let a): a.agent
        case .missingKnowledge(let a): a.agent
        }
    }

    enum KindKey: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: KindKey.self)
        let raw = try c.decode(String.self, forKey: .kind)
        guard let kind = SignalKind(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c,
                debugDescription:
                    "unknown annotation kind \"\(raw)\"; expected one of \(SignalKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        switch kind {
        case .preference: self = .preference(try PreferenceAnnotation(from: decoder))
        case .adoption: self = .adoption(try AdoptionAnnotation(from: decoder))
        case .relevance: self = .relevance(try RelevanceAnnotation(from: decoder))
        case .missingKnowledge: self = .missingKnowledge(try MissingKnowledgeAnnotation(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: KindKey.self)
        try c.encode(kind.rawValue, forKey: .kind)
        switch self {
        case .preference(let a): try a.encode(to: encoder)
        case .adoption(let a): try a.encode(to: encoder)
        case .relevance(let a): try a.encode(to: encoder)
        case .missingKnowledge(let a): try a.encode(to: encoder)
        }
    }
}
