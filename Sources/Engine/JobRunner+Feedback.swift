import FlywheelCore
import World
import WorldTruth

/// Annotations collected since the last retraining, with what each one was about.
struct PendingFeedback {
    var tickets: [TicketID: Ticket] = [:]
    var relevance: [(annotation: RelevanceAnnotation, truth: TicketTruth)] = []
    /// `judging`: what the audit judges each against (with reply A's quality when the agent's
    /// response already computed it: the audit reuses it).
    var preferences: [(served: ServedSuggestion, annotation: PreferenceAnnotation, judging: JudgingContext)] = []
    var adoptions: [(served: ServedSuggestion, annotation: AdoptionAnnotation, judging: JudgingContext)] = []
    var isEmpty: Bool { relevance.isEmpty && preferences.isEmpty && adoptions.isEmpty }
}

/// Operational totals over the current evaluation window.
struct WindowTotals {
    var served = 0
    var counts: [SignalKind: Int] = [:]
    var agentSeconds = 0.0
    var vendorSeconds = 0.0
    var adoptionShown = 0
    var adopted = 0
    var preferenceDecided = 0
    var preferenceWonByA = 0
    var annotationRows: [IterationRecord.AnnotationRow] = []
    /// The window's log, compressed as the feedback comes (a fresh writer per window).
    var log = AnnotationLogWriter()
    var personaActivity = PersonaActivity()
}

extension JobRunner {
    /// Records one agent's feedback: the window's totals, the storage rows and log, the training
    /// queue and the knowledge base's flags. Signals the arm does not collect are dropped here
    /// (the log keeps everything the agents gave).
    mutating func absorb(_ delivered: DeliveredFeedback) {
        let (feedback, served, time, judging) = (
            delivered.feedback, delivered.served, delivered.time, delivered.judging
        )
        let truth = judging.truth
        let ticket = served.ticket
        let cost = delivered.costs
        if config.keepAnnotations { logFeedback(delivered) }
        if let adoption = feedback.adoption {
            // Adoption is observed online in every arm: the suggestion was shown either way.
            window.adoptionShown += 1
            if adoption.outcome.isAdopted { window.adopted += 1 }
        }
        if let p = feedback.preference, arm.collects(.preference) {
            count(.preference, seconds: cost.preference)
            if p.choice == .a || p.choice == .b {
                window.preferenceDecided += 1
                if p.choice == .a { window.preferenceWonByA += 1 }
            }
            if delivered.repliesKnown {
                pending.preferences.append((served, p, judging))
                pending.tickets[ticket.id] = ticket
            }
            keep(
                .init(
                    label: .preference(p.choice), ticket: ticket.id.rawValue, agent: p.agent.rawValue, article: nil,
                    detail: p.margin?.rawValue))
        }
        if let a = feedback.adoption, arm.collects(.adoption) {
            count(.adoption, seconds: cost.adoption + (a.rationale == nil ? 0 : cost.rationale))
            if delivered.repliesKnown {
                pending.adoptions.append((served, a, judging))
                pending.tickets[ticket.id] = ticket
            }
            keep(
                .init(
                    label: .adoption(a.outcome), ticket: ticket.id.rawValue, agent: a.agent.rawValue, article: nil,
                    detail: a.rationale?.rawValue))
        }
        if arm.collects(.relevance) {
            for r in feedback.relevance {
                count(.relevance, seconds: cost.relevance)
                pending.relevance.append((r, truth))
                pending.tickets[ticket.id] = ticket
                keep(
                    .init(
                        label: .relevance(relevant: r.relevant), ticket: ticket.id.rawValue, agent: r.agent.rawValue,
                        article: r.article.rawValue, detail: nil))
            }
        }
        if let m = feedback.missingKnowledge, arm.collects(.missingKnowledge) {
            count(.missingKnowledge, seconds: cost.missingKnowledge)
            let published = self.published
            kbEvents += knowledge.flag(
                shuffledFlagTruth(for: truth, ticket: ticket.id), published: { published.contains($0) }, at: time,
                rng: RandomStream(
                    seed: config.seed, purpose: "authoring",
                    ids: [UInt64(replicate), StableHash.fnv1a(ticket.id.rawValue)]))
            keep(
                .init(
                    label: .missingKnowledge, ticket: ticket.id.rawValue, agent: m.agent.rawValue,
                    article: nil, detail: m.note))
        }
    }

    /// The truth a flag is read against: the flagged ticket's own, or — in a shuffled-labels
    /// control arm — that of a keyed-random ticket among the last 256 served, so flags keep
    /// their rate and lose their link with the ticket they were raised on.
    mutating func shuffledFlagTruth(for truth: TicketTruth, ticket: TicketID) -> TicketTruth {
        guard arm.shuffleLabels, !recentTruths.isEmpty else { return truth }
        var rng = RandomStream(
            seed: config.seed, purpose: "shuffle-flag", ids: [UInt64(replicate), StableHash.fnv1a(ticket.rawValue)])
        return recentTruths[rng.int(below: recentTruths.count)]
    }

    mutating func count(_ kind: SignalKind, seconds: Double) {
        window.counts[kind, default: 0] += 1
        window.agentSeconds += seconds
    }

    mutating func keep(_ row: IterationRecord.AnnotationRow) {
        if config.keepAnnotations { window.annotationRows.append(row) }
    }

    /// Publishes every article whose authoring finished by `time`, indexing it.
    mutating func publishAuthored(by time: Timestamp) throws {
        let due = knowledge.publishDue(by: time)
        guard !due.isEmpty else { return }
        var articles: [Article] = []
        for (id, event) in due {
            guard let article = articleByID[id], !published.contains(id) else { continue }
            published.insert(id)
            articles.append(article)
            kbEvents.append(event)
        }
        guard !articles.isEmpty else { return }
        library = published.sorted()
        // The deployed models and the training line (when the gate refused the last candidate)
        // take the articles independently: on two threads when nothing outside is called.
        func publishing(_ line: (any LearningRetriever, any LearningReranker)) throws
            -> (any LearningRetriever, any LearningReranker)
        {
            let retriever = try line.0.publishing(articles)
            return (
                retriever,
                try line.1.publishing(articles, firstStage: FirstStageChange(before: line.0, after: retriever))
            )
        }
        let lines = [(system.retriever, system.reranker)] + (trainingLine.map { [($0.retriever, $0.reranker)] } ?? [])
        let outside = lines.contains { $0.0.callsOutsideService || $0.1.callsOutsideService }
        let updated = try WorkPool.orderedMap(count: lines.count, width: outside ? 1 : servingThreads, chunk: 1) {
            try publishing(lines[$0])
        }
        (system.retriever, system.reranker) = updated[0]
        if updated.count > 1 { trainingLine = updated[1] }
    }
}
