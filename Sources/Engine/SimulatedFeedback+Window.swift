import FlywheelCore

/// A window's feedback on several threads. Which agent takes a ticket is a keyed draw, and an
/// agent's answer reads only its own state (fatigue, trust, shift) besides the ticket and what
/// the window holds fixed (the published articles: they change only at schedule events, between
/// windows). So each agent's tickets are answered in ticket order on its own state, agents side
/// by side, and the answers are put back in ticket order: the same answers and the same final
/// states as one thread asking ticket by ticket.
extension SimulatedFeedback {
    mutating func feedback(onWindow window: [FeedbackRequest], threads: Int) -> [[DeliveredFeedback]] {
        guard threads > 1, window.count > 1 else {
            return window.map { feedback(on: $0.record, served: $0.served, context: $0.context) }
        }
        var tickets = [[Int]](repeating: [], count: agents.count)
        for (i, request) in window.enumerated() {
            tickets[Self.agentIndex(for: request.record.ticket, context: request.context, agents: agents.count)]
                .append(i)
        }
        let busy = tickets.indices.filter { !tickets[$0].isEmpty }
        let (agents, states, shifts) = (self.agents, self.agentStates, self.lastShift)
        let answered = WorkPool.orderedMap(count: busy.count, width: threads, chunk: 1) { k in
            let a = busy[k]
            var (state, shift) = (states[a], shifts[a])
            let answers = tickets[a].map { i in
                Self.respond(
                    agents[a], state: &state, lastShift: &shift, record: window[i].record, served: window[i].served,
                    context: window[i].context)
            }
            return (state: state, shift: shift, answers: answers)
        }
        var out = [[DeliveredFeedback]](repeating: [], count: window.count)
        for (k, a) in busy.enumerated() {
            agentStates[a] = answered[k].state
            lastShift[a] = answered[k].shift
            for (j, i) in tickets[a].enumerated() { out[i] = [answered[k].answers[j]] }
        }
        return out
    }
}
