import FlywheelCore
import World
import WorldTruth

/// Feedback from a log (the `feedback: logged` arm): when a ticket is served, the annotations
/// the log holds for it are delivered at their logged times, about the suggestion the log says
/// was shown (its exposure line). Without an exposure, or with reply text only, relevance marks
/// and flags still train, and preferences and adoptions are counted but do not train the
/// generator (which learns from the sentences of the replies the agent saw).
///
/// Annotations on tickets the arm never serves (held out, or past the horizon) are not used.
struct LoggedFeedback: FeedbackSource {
    let log: AnnotationLog
    /// The log's annotations are about its own exposure, not judged here.
    var readsReplyQuality: Bool { false }

    mutating func feedback(on record: TicketRecord, served: ServedSuggestion, context: FeedbackContext)
        -> [DeliveredFeedback]
    {
        guard let annotations = log.annotations[record.ticket.id], !annotations.isEmpty else { return [] }
        var asShown = served
        var repliesKnown = false
        if let e = log.exposures[record.ticket.id] {
            asShown.shown = RankedList(
                ticket: record.ticket.id,
                entries: e.shown.enumerated().map {
                    .init(article: $0.element, score: Double(e.shown.count - $0.offset))
                })
            if let a = e.a, let b = e.b {
                asShown.a = a
                asShown.b = b
                repliesKnown = true
            }
        }
        var out: [DeliveredFeedback] = []
        var current: DeliveredFeedback?
        func start(_ logged: LoggedAnnotation) -> DeliveredFeedback {
            DeliveredFeedback(
                feedback: AgentFeedback(), served: asShown, repliesKnown: repliesKnown,
                costs: CostSeconds(preference: 0, adoption: 0, rationale: 0, relevance: 0, missingKnowledge: 0),
                persona: logged.persona, time: logged.time, judging: context.judging.forOtherReplies)
        }
        for logged in annotations {
            let seconds = logged.seconds ?? 0
            var d = current ?? start(logged)
            // A new delivery when the time or persona changes, a slot is taken, or marks' costs differ.
            let fits: Bool
            switch logged.annotation {
            case .preference: fits = d.feedback.preference == nil
            case .adoption: fits = d.feedback.adoption == nil
            case .relevance: fits = d.feedback.relevance.isEmpty || d.costs.relevance == seconds
            case .missingKnowledge: fits = d.feedback.missingKnowledge == nil
            }
            if !fits || d.time != logged.time || d.persona != logged.persona {
                out.append(d)
                d = start(logged)
            }
            switch logged.annotation {
            case .preference(let p):
                d.feedback.preference = p
                d.costs.preference = seconds
            case .adoption(let a):
                d.feedback.adoption = a
                d.costs.adoption = seconds
            case .relevance(let r):
                d.feedback.relevance.append(r)
                d.costs.relevance = seconds
            case .missingKnowledge(let m):
                d.feedback.missingKnowledge = m
                d.costs.missingKnowledge = seconds
            }
            d.feedback.seconds += seconds
            current = d
        }
        if let current { out.append(current) }
        return out
    }
}
