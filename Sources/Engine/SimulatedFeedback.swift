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
        let ticket = record.ticket
        let key = StableHash.fnv1a(ticket.id.rawValue)
        var assign = RandomStream(seed: context.seed, purpose: "assign", ids: [UInt64(context.replicate), key])
        let index = assign.int(below: agents.count)
        let agent = agents[index]
        let shift = ticket.createdAt.secondsSinceEpoch / (8 * 3600)
        if shift != lastShift[index] {
            agentStates[index].startShift()
            lastShift[index] = shift
        }
        let shown = ShownSuggestion(ticket: ticket, a: served.a, b: served.b, articles: served.shown.articles)
        let published = context.published
        // the agent judges reply A anyway; the quality audit at retraining reuses it (the same
        // value whether the runner computed it beforehand or not: the judge is pure)
        let judging = context.judging.knowingQuality(ofA: served.a)
        let feedback = agent.respond(
            to: shown, judging: judging, published: { published.contains($0) }, state: &agentStates[index],
            rng: RandomStream(seed: context.seed, purpose: "agent", ids: [UInt64(context.replicate), key]),
            library: context.library)
        return [
            DeliveredFeedback(
                feedback: feedback, served: served, costs: agent.persona.costSeconds, persona: agent.persona.name,
                time: ticket.createdAt,
                judging: judging)
        ]
    }
}
