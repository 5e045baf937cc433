import FlywheelCore
import WorldTruth

/// A simulated support agent: a persona with an id. Its behaviour is a pure function of
/// (persona, state, shown suggestion, truth, random stream).
///
/// Each behaviour and each participation decision draws from its own child stream of `rng`
/// (`rng.derived("preference")`, `rng.derived("relevance", i)`, …), so a change to one behaviour
/// never shifts another's draws. The caller keys `rng` by (seed, replicate, arm, iteration,
/// ticket, agent) — arms then see the same agent draws for the same ticket (common random numbers).
///
/// ```swift
/// let agent = SimulatedAgent(id: "agent-001", persona: persona)
/// var state = AgentState(persona: persona)
/// let rng = RandomStream(seed: 42, purpose: "agent", ids: [replicate, iteration, ticketHash, agentHash])
/// let feedback = agent.respond(to: shown, judging: JudgingContext(truth: truth, judge: judge),
///                              published: kb.contains, state: &state, rng: rng)
/// ```
public struct SimulatedAgent: Sendable, Hashable {
    public var id: AgentID
    public var persona: Persona

    public init(id: AgentID, persona: Persona) {
        self.id = id
        self.persona = persona
    }

    /// Works one ticket: decides which signals to give (participation × fatigue), gives them,
    /// and advances `state` (shift clock by handling + annotation time, trust, tickets seen).
    ///
    /// - Parameters:
    ///   - judging: the ticket's truth and the judge, with reply A's quality when the caller
    ///     already has it.
    ///   - published: whether an article is in the published knowledge base.
    ///   - library: the published articles, sorted (the agent's own knowledge-base search draws
    ///     from them; empty → it can only name shown articles).
    public func respond(
        to shown: ShownSuggestion, judging: JudgingContext, published: (ArticleID) -> Bool,
        state: inout AgentState, rng: RandomStream, library: [ArticleID] = []
    ) -> AgentFeedback {
        let (truth, judge) = (judging.truth, judging.judge)
        let f = persona.fatigue.factor(minutesIntoShift: state.minutesIntoShift)
        lazy var prepared = judge.prepare(truth)
        var wordsA: Int?
        let qualityA: QualityBreakdown
        if let known = judging.qualityA {
            qualityA = known
        } else {
            (qualityA, wordsA) = judge.qualityAndWords(of: shown.a, for: prepared)
        }
        var feedback = AgentFeedback()
        let cost = persona.costSeconds

        func participates(_ kind: SignalKind) -> Bool {
            var r = rng.derived("participation", UInt64(SignalKind.allCases.firstIndex(of: kind)!))
            return r.bernoulli(persona.participation[kind] * f)
        }

        if participates(.preference) {
            let (qualityB, wordsB) = judge.qualityAndWords(of: shown.b, for: prepared)
            var r = rng.derived("preference")
            let (choice, margin) = prefer(
                qualityA: qualityA.total, qualityB: qualityB.total,
                wordsA: wordsA ?? Judge.wordCount(shown.a), wordsB: wordsB, fatigue: f, rng: &r)
            feedback.preference = PreferenceAnnotation(
                ticket: shown.ticket.id, agent: id, choice: choice, margin: margin)
            feedback.seconds += cost.preference
        }

        if participates(.adoption) {
            var r = rng.derived("adoption")
            let outcome = adopt(quality: qualityA.total, trust: state.trust, rng: &r)
            var annotation = AdoptionAnnotation(ticket: shown.ticket.id, agent: id, outcome: outcome)
            feedback.seconds += cost.adoption
            if outcome != .used {
                var rr = rng.derived("rationale")
                let category = rationale(trueFailure: qualityA.failure ?? .other, fatigue: f, rng: &rr)
                var rt = rng.derived("rationale-text")
                annotation.rationale = category
                annotation.rationaleText = RationaleTemplates.text(for: category, rng: &rt)
                feedback.seconds += cost.rationale
            }
            feedback.adoption = annotation
        }

        if participates(.relevance) {
            feedback.relevance = checkRelevance(
                shown: shown, truth: truth, published: published, library: library, fatigue: f,
                rng: rng.derived("relevance"))
            feedback.seconds += cost.relevance * Double(feedback.relevance.count)
        }

        if participates(.missingKnowledge) {
            var r = rng.derived("missing-knowledge")
            if let flag = flagMissing(shown: shown, truth: truth, published: published, fatigue: f, rng: &r) {
                feedback.missingKnowledge = flag
                feedback.seconds += cost.missingKnowledge
            }
        }

        // Experience: trust follows the true quality of the suggestions seen.
        let rate = persona.adoption.trust.rate
        state.trust = Probability.clamp(state.trust + rate * (qualityA.total - state.trust))
        state.minutesIntoShift += ((cost.handling ?? CostSeconds.defaultHandling) + feedback.seconds) / 60
        state.ticketsSeen += 1
        return feedback
    }

    /// ``respond(to:judging:published:state:rng:library:)`` with nothing judged yet.
    public func respond(
        to shown: ShownSuggestion, truth: TicketTruth, published: (ArticleID) -> Bool, judge: Judge,
        state: inout AgentState, rng: RandomStream, library: [ArticleID] = []
    ) -> AgentFeedback {
        respond(
            to: shown, judging: JudgingContext(truth: truth, judge: judge), published: published, state: &state,
            rng: rng,
            library: library)
    }
}
