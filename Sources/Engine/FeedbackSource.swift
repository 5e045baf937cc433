import FlywheelCore
import World
import WorldTruth

/// Where an arm's agent feedback comes from: simulated agents answering what the system serves
/// (``SimulatedFeedback``), or a log of what real or earlier agents did (``LoggedFeedback``,
/// the `feedback: logged` arm). The job runner serves every ticket the same way and absorbs
/// whatever the source delivers, in time order, at the arm's cadence.
protocol FeedbackSource {
    /// The feedback on the suggestion served for `record`, as zero or more deliveries (a log may
    /// spread a ticket's annotations over time).
    mutating func feedback(on record: TicketRecord, served: ServedSuggestion, context: FeedbackContext)
        -> [DeliveredFeedback]

    /// The feedback on each of a window's served tickets (position i: `window[i]`'s), exactly
    /// what ``feedback(on:served:context:)`` returns when asked for them one by one in order. A
    /// source whose parts are independent may compute them on up to `threads` threads; the
    /// result never depends on `threads`.
    mutating func feedback(onWindow window: [FeedbackRequest], threads: Int) -> [[DeliveredFeedback]]

    /// Whether ``feedback(on:served:context:)`` reads the judge's quality of the served reply A:
    /// the job runner then computes it beforehand, with the suggestion (possibly on another
    /// thread), and passes it in ``FeedbackContext/judging``.
    var readsReplyQuality: Bool { get }
}

extension FeedbackSource {
    /// One by one, in order, on this thread.
    mutating func feedback(onWindow window: [FeedbackRequest], threads: Int) -> [[DeliveredFeedback]] {
        window.map { feedback(on: $0.record, served: $0.served, context: $0.context) }
    }
}

/// One served ticket of a window, as a feedback source is asked about it.
struct FeedbackRequest {
    var record: TicketRecord
    var served: ServedSuggestion
    var context: FeedbackContext
}

/// What a feedback source may read of the job's state when a ticket is served.
struct FeedbackContext {
    var seed: UInt64
    var replicate: Int
    var published: Set<ArticleID>
    /// `published`, sorted.
    var library: [ArticleID]
    /// The ticket's truth and the world's judge, with the quality of the served reply A when
    /// the runner computed it (for a source that ``FeedbackSource/readsReplyQuality``).
    var judging: JudgingContext
}

/// One batch of annotations on one ticket, with what the agent saw and what it cost.
struct DeliveredFeedback {
    var feedback: AgentFeedback
    /// The suggestion the annotations are about (a log's own exposure, or what was served).
    var served: ServedSuggestion
    /// Whether `served` holds the replies the agent judged: preferences and adoptions train the
    /// generator only then (a log with reply text only cannot say which sentences were shown).
    var repliesKnown = true
    /// Agent-seconds per annotation (per mark for relevance).
    var costs: CostSeconds
    /// The persona of the agent who gave it, where known (for the log).
    var persona: String?
    /// When the annotations were given: they join the batch of the cycle this falls in.
    var time: Timestamp
    /// What the annotations are judged against (the truth, the judge, and reply A's quality of
    /// `served` when already computed: the quality audit reuses it).
    var judging: JudgingContext
}

extension JobRunner {
    /// Absorbs what is due by the ticket's time now and keeps the rest for later.
    mutating func deliver(_ deliveries: [DeliveredFeedback], at time: Timestamp) {
        for d in deliveries {
            if d.time <= time {
                absorb(d)
            } else {
                inbox.append(d)
            }
        }
    }

    /// Absorbs, in time order (stable), every delivery in the inbox due by `time`.
    mutating func absorbDue(by time: Timestamp) {
        guard !inbox.isEmpty else { return }
        let due = inbox.enumerated().filter { $0.element.time <= time }
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        guard !due.isEmpty else { return }
        inbox.removeAll { $0.time <= time }
        for (_, delivery) in due { absorb(delivery) }
    }
}

extension JobRunner {
    /// Appends a delivery to the window's log: the ticket's exposure (once per delivery), then
    /// each annotation with its time and agent-seconds, in absorb order; and counts what the arm
    /// collects of it per persona, judged against the delivery's truth (``PersonaActivity``; a
    /// preference against the replies of this delivery's exposure, as a re-read of the log judges it).
    mutating func logFeedback(_ d: DeliveredFeedback) {
        let f = d.feedback
        guard f.preference != nil || f.adoption != nil || !f.relevance.isEmpty || f.missingKnowledge != nil else {
            return
        }
        if d.repliesKnown {
            window.log.append(
                .exposure(
                    Exposure(
                        ticket: d.served.ticket.id, time: d.time, shown: d.served.shown.articles, a: d.served.a,
                        b: d.served.b)))
        }
        let (judging, truth) = (d.judging, d.judging.truth)
        let shown = d.repliesKnown ? (a: d.served.a, b: d.served.b) : nil
        // the served replies' qualities as the delivery knows them (the judge is pure: the
        // same values as judging them again)
        func quality(_ reply: Reply, _ truth: TicketTruth) -> Double {
            if let shown, reply == shown.a { return judging.quality(ofA: shown.a).total }
            if let shown, reply == shown.b { return judging.quality(ofB: shown.b).total }
            return judging.judge.quality(of: reply, for: truth).total
        }
        func add(_ a: Annotation, _ seconds: Double) {
            window.log.append(
                .annotation(LoggedAnnotation(time: d.time, annotation: a, seconds: seconds, persona: d.persona)))
            guard arm.collects(a.kind) else { return }
            window.personaActivity.add(
                a, seconds: seconds, persona: d.persona, truth: truth, shown: shown,
                quality: quality)
        }
        if let p = f.preference { add(.preference(p), d.costs.preference) }
        if let a = f.adoption { add(.adoption(a), d.costs.adoption + (a.rationale == nil ? 0 : d.costs.rationale)) }
        for r in f.relevance { add(.relevance(r), d.costs.relevance) }
        if let m = f.missingKnowledge { add(.missingKnowledge(m), d.costs.missingKnowledge) }
    }
}
