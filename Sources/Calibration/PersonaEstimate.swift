import FlywheelCore
import World

/// Every fitted behaviour of one persona: the maximum-likelihood parts and the logged costs.
///
/// The likelihood of a set of worked tickets is the sum of the parts' log-likelihoods (they
/// read disjoint fields of the log). Costs are the mean logged agent-seconds per signal; they
/// are reported and written but not part of the likelihood (a simulated log's costs are
/// constants per persona and would identify a persona by its stopwatch, not its behaviour).
public struct PersonaEstimate: Sendable, Hashable {
    var participation = ParticipationFit()
    var preference = PreferenceFit()
    var adoption = AdoptionFit()
    var rationale = RationaleFit()
    var relevance = RelevanceFit()
    var links = LinkFit()
    var costs = CostSeconds()

    static func fit(_ tickets: [WorkedTicket], from start: PersonaEstimate? = nil) -> PersonaEstimate {
        var e = PersonaEstimate()
        e.participation = .fit(tickets)
        e.preference = .fit(tickets, from: start?.preference)
        e.adoption = .fit(tickets)
        e.rationale = .fit(tickets)
        e.relevance = .fit(tickets)
        e.links = .fit(tickets, from: start?.links)
        e.costs = costSeconds(tickets)
        return e
    }

    var parameterCount: Int {
        ParticipationFit.parameterCount + preference.parameterCount + AdoptionFit.parameterCount
            + RationaleFit.parameterCount + RelevanceFit.parameterCount + links.parameterCount
    }

    func logLikelihood(_ tickets: [WorkedTicket]) -> Double {
        participation.logLikelihood(tickets) + preference.logLikelihood(tickets) + adoption.logLikelihood(tickets)
            + rationale.logLikelihood(tickets) + relevance.logLikelihood(tickets) + links.logLikelihood(tickets)
    }

    /// Mean logged seconds per signal (the rationale as the extra time of an adoption with one).
    static func costSeconds(_ tickets: [WorkedTicket]) -> CostSeconds {
        func mean(_ kind: SignalKind, _ fallback: Double) -> Double {
            let v = tickets.flatMap { $0.seconds[kind] ?? [] }
            return v.isEmpty ? fallback : v.reduce(0, +) / Double(v.count)
        }
        var c = CostSeconds()
        c.preference = mean(.preference, c.preference)
        c.adoption = mean(.adoption, c.adoption)
        c.relevance = mean(.relevance, c.relevance)
        c.missingKnowledge = mean(.missingKnowledge, c.missingKnowledge)
        let withRationale = tickets.compactMap(\.rationaleSeconds)
        if !withRationale.isEmpty {
            c.rationale = max(0, withRationale.reduce(0, +) / Double(withRationale.count) - c.adoption)
        }
        return c
    }

    /// The estimate as a persona file's contents. Not fitted: fatigue (0), trust (constant),
    /// `cost_seconds.handling` (not logged); participation in flagging is 1 with the product in
    /// the flag rates (see ``ParticipationFit``); `tie_band` and `margins[0]` are both τ.
    public func persona(name: String, description: String) -> Persona {
        func round4(_ v: Double) -> Double { (v * 10000).rounded() / 10000 }
        let p = preference
        return Persona(
            name: name, version: 1, description: description,
            participation: Participation(
                preference: round4(participation.preference), adoption: round4(participation.adoption),
                relevance: round4(participation.relevance), missingKnowledge: 1),
            fatigue: Fatigue(perHour: 0),
            preference: PreferenceBehaviour(
                noise: round4(p.temperature), positionBias: round4(p.positionBias), lengthBias: round4(p.lengthBias),
                margins: [round4(p.tie), round4(p.clearly), round4(p.much)].map { min(1, $0) },
                tieBand: min(1, round4(p.tie)),
                bothBad: p.bothBad.map(round4)),
            adoption: AdoptionBehaviour(
                threshold: round4(adoption.threshold), slope: round4(adoption.slope),
                editShare: round4(adoption.editShare),
                trust: .init(initial: 0.5, rate: 0)),
            rationale: RationaleBehaviour(
                accuracy: round4(rationale.accuracy), confusion: rationale.confusion == .uniform ? .uniform : nil),
            relevance: RelevanceBehaviour(
                checks: relevance.checks, sensitivity: round4(relevance.sensitivity),
                specificity: round4(relevance.specificity),
                pick: relevance.pick == .random ? .random : nil, linkMissed: round4(links.linkMissed),
                searchSkill: links.searchSkill.map(round4)),
            missingKnowledge: MissingKnowledgeBehaviour(
                detection: round4(participation.detection), falseFlag: round4(participation.falseFlag)),
            costSeconds: CostSeconds(
                preference: round4(costs.preference), adoption: round4(costs.adoption),
                rationale: round4(costs.rationale),
                relevance: round4(costs.relevance), missingKnowledge: round4(costs.missingKnowledge)))
    }
}
