import FlywheelCore
import World
import WorldTruth

/// Feedback from the arm's simulated agents: each served ticket goes to a keyed-random agent on
/// shift, who answers from the truth through their persona's behaviours (docs/world.md "Simulated agents").
struct SimulatedFeedback: FeedbackSource {
    let agents: [SimulatedAgent]
    var agentStates: [AgentState]
    /// The 8-hour shift each agent last worked in; a new shift resets fatigue.
    var lastShift: [Int64]

    init(agents: [SimulatedAgent]) {
        self.agents = agents
        self.agentStates = agents.map { AgentState(persona: $0.persona) }
        self.lastShift = Array(repeating: -1, count: agents.count)
    }

    var readsReplyQuality: Bool { true }

    mutating func feedback(on record: TicketRecord, served: ServedSuggestion, context: FeedbackContext)
        -> [DeliveredFeedback]
    {
        let index = Self.agentIndex(for: record.ticket, context: context, agents: agents.count)
        return [
            Self.respond(
                agents[index], state: &agentStates[index], lastShift: &lastShift[index], record: record,
                served: served, context: context)
        ]
    }

    /// Which agent takes `ticket`: a keyed draw, independent of every agent's state.
    static func agentIndex(for ticket: Ticket, context: FeedbackContext, agents: Int) -> Int {
        var assign = RandomStream(
            seed: context.seed, purpose: "assign",
            ids: [UInt64(context.replicate), StableHash.fnv1a(ticket.id.rawValue)])
        return assign.int(below: agents)
    }

    /// `agent`'s answer to the suggestion served for `record`, from its own state (fatigue
    /// within the shift, trust) and nothing else that changes.
    static func respond(
        _ agent: SimulatedAgent, state: inout AgentState, lastShift: inout Int64, record: TicketRecord,
        served: ServedSuggestion, context: FeedbackContext
    ) -> DeliveredFeedback {
        let ticket = record.ticket
        let key = StableHash.fnv1a(ticket.id.rawValue)
        let shift = ticket.createdAt.secondsSinceEpoch / (8 * 3600)
        if shift != lastShift {
            state.startShift()
            lastShift = shift
        }
        let shown = ShownSuggestion(ticket: ticket, a: served.a, b: served.b, articles: served.shown.articles)
        let published = context.published
        // the agent judges reply A anyway; the quality audit at retraining reuses it (the same
        // value whether the runner computed it beforehand or not: the judge is pure)
        var judging = context.judging.knowingQuality(ofA: served.a)
        let feedback = agent.respond(
            to: shown, judging: judging, published: { published.contains($0) }, state: &state,
            rng: RandomStream(seed: context.seed, purpose: "agent", ids: [UInt64(context.replicate), key]),
            library: context.library)
        // a preference is judged against reply B too, by the quality audit and the log's persona
        // tallies, on the job's one thread: judged here, on the agent's
        if feedback.preference != nil { judging = judging.knowingQuality(ofB: served.b) }
        return DeliveredFeedback(
            feedback: feedback, served: served, costs: agent.persona.costSeconds, persona: agent.persona.name,
            time: ticket.createdAt,
            judging: judging)
    }
}
