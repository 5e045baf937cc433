import FlywheelCore
import WorldTruth

/// Something other than the world's ``Judge`` that gives the offline evaluation's 1–5
/// helpfulness score — an LLM judge, say. It sees what a judge may see: the ticket, the reply and
/// the ticket's truth (nuggets, reference reply). The simulated agents keep using the world's
/// judge for true quality; only the reported helpfulness changes.
public protocol HelpfulnessScorer: Sendable {
    /// The 1–5 helpfulness of `reply` to `ticket`, or nil when no well-formed score could be had
    /// (the caller counts it and scores nothing for it). `rng` is the ticket's own stream.
    func helpfulness(of reply: Reply, for ticket: Ticket, truth: TicketTruth, rng: inout RandomStream) -> Double?
}
