import FlywheelCore

/// What a simulated agent is shown for one ticket: the ticket, suggestions A (current policy,
/// shown first) and B (challenger), and the reranked top-8 articles.
public struct ShownSuggestion: Sendable, Hashable {
    public var ticket: Ticket
    public var a: Reply
    public var b: Reply
    /// The reranked articles shown, best first (normally 8).
    public var articles: [ArticleID]

    public init(ticket: Ticket, a: Reply, b: Reply, articles: [ArticleID]) {
        self.ticket = ticket
        self.a = a
        self.b = b
        self.articles = articles
    }
}

/// What an agent carries from ticket to ticket within a shift.
public struct AgentState: Sendable, Hashable, Codable {
    /// Current trust in suggestions, in [0, 1]; starts at the persona's `adoption.trust.initial`.
    public var trust: Double
    /// Minutes since the shift started; drives fatigue.
    public var minutesIntoShift: Double
    /// Tickets worked so far (in this simulation, not only this shift).
    public var ticketsSeen: Int

    public init(trust: Double, minutesIntoShift: Double = 0, ticketsSeen: Int = 0) {
        self.trust = trust
        self.minutesIntoShift = minutesIntoShift
        self.ticketsSeen = ticketsSeen
    }

    /// A fresh agent of `persona` at the start of a shift.
    public init(persona: Persona) {
        self.init(trust: persona.adoption.trust.initial)
    }

    /// Starts a new shift: fatigue resets, trust and experience stay.
    public mutating func startShift() { minutesIntoShift = 0 }
}

/// Everything one agent gave for one shown suggestion (any part may be absent), and the
/// agent-seconds it cost.
public struct AgentFeedback: Sendable, Hashable {
    public var preference: PreferenceAnnotation?
    public var adoption: AdoptionAnnotation?
    public var relevance: [RelevanceAnnotation]
    public var missingKnowledge: MissingKnowledgeAnnotation?
    /// Agent-seconds spent on the annotations (not on handling the ticket).
    public var seconds: Double

    public init(
        preference: PreferenceAnnotation? = nil, adoption: AdoptionAnnotation? = nil,
        relevance: [RelevanceAnnotation] = [], missingKnowledge: MissingKnowledgeAnnotation? = nil,
        seconds: Double = 0
    ) {
        self.preference = preference
        self.adoption = adoption
        self.relevance = relevance
        self.missingKnowledge = missingKnowledge
        self.seconds = seconds
    }

    /// The annotations as logged, in a fixed order: preference, adoption, relevance…, missing knowledge.
    public var annotations: [Annotation] {
        var out: [Annotation] = []
        if let preference { out.append(.preference(preference)) }
        if let adoption { out.append(.adoption(adoption)) }
        out += relevance.map { .relevance($0) }
        if let missingKnowledge { out.append(.missingKnowledge(missingKnowledge)) }
        return out
    }
}
