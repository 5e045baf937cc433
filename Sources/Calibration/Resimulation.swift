import FlywheelCore
import World
import WorldTruth

extension CalibrationData {
    /// The log the fitted personas would have written: every agent, with its group's persona,
    /// works the same tickets in the same order, shown the same exposure (articles, replies A
    /// and B), against the same truth and published articles. Tickets whose exposure lacks reply
    /// objects cannot be shown to a simulated agent and are skipped.
    public func resimulated(personas: [AgentID: Persona], judge: Judge = Judge(), seed: UInt64 = 1) throws
        -> CalibrationData
    {
        var log = AnnotationLog(source: "re-simulation")
        let library = published.sorted()
        for agent in agentIDs {
            guard let persona = personas[agent] else { continue }
            let simulated = SimulatedAgent(id: agent, persona: persona)
            var state = AgentState(persona: persona)
            for w in agents[agent] ?? [] {
                guard let e = exposures[w.ticket], let a = e.a, let record = records[w.ticket] else { continue }
                try log.add(.exposure(e))
                let rng = RandomStream(
                    seed: seed, purpose: "calibrate-resimulate",
                    ids: [StableHash.fnv1a(w.ticket.rawValue), StableHash.fnv1a(agent.rawValue)])
                let feedback = simulated.respond(
                    to: ShownSuggestion(ticket: record.ticket, a: a, b: e.b ?? a, articles: e.shown),
                    truth: record.truth,
                    published: { published.contains($0) }, judge: judge, state: &state, rng: rng, library: library)
                for annotation in feedback.annotations {
                    try log.add(
                        .annotation(LoggedAnnotation(time: w.time, annotation: annotation, persona: persona.name)))
                }
            }
        }
        return try CalibrationData(log: log, records: records, judge: judge, published: published)
    }
}
