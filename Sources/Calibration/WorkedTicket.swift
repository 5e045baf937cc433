import FlywheelCore

/// One agent's work on one ticket as a log shows it, joined with the truth each persona
/// behaviour reads (docs/world.md "Truth access"). Everything `flywheel calibrate` fits is a
/// likelihood over these.
struct WorkedTicket: Sendable {
    /// A relevance mark on a shown article (rank ≥ 1).
    struct Mark: Sendable {
        var rank: Int
        var said: Bool
        /// Whether the article is relevant (grade > 0): from the truth, or — where the corpus has
        /// no relevance truth for the ticket — from other agents' marks (`fromAgreement`).
        var truth: Bool?
        var fromAgreement: Bool
    }

    var ticket: TicketID
    var agent: AgentID
    var time: Timestamp

    /// True quality of replies A and B (the judge's total) and A's failure, when the exposure
    /// holds reply objects.
    var qualityA: Double?
    var qualityB: Double?
    var failureA: RationaleCategory?
    /// +1 when A has more words than B, −1 when fewer, 0 when equal.
    var longer: Double = 0

    var preference: PreferenceAnnotation?
    var adoption: AdoptionAnnotation?
    var marks: [Mark] = []
    /// Whether the agent gave any relevance annotation (marks or links) on the ticket.
    var gaveRelevance = false
    /// Links (rank-0 marks): the needed articles the list missed, and the others.
    var correctLinks = 0
    var wrongLinks = 0
    /// Needed (grade ≥ 2) published articles the shown list missed.
    var missedNeeded = 0
    /// Whether a relevant article of the ticket is unpublished.
    var lacking = false
    var flagged = false

    /// Logged agent-seconds, by signal (relevance: per mark).
    var seconds: [SignalKind: [Double]] = [:]
    var rationaleSeconds: Double?

    var gavePreference: Bool { preference != nil }
    var gaveAdoption: Bool { adoption != nil }
}
