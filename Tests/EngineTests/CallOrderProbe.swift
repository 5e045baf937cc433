import FlywheelCore
import Foundation
import World
import WorldTruth

/// Records the tickets an outside component is called for, in call order, and whether two
/// calls ever overlapped (were made from two threads at once).
final class CallOrderProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight = 0
    private(set) var overlapped = false
    private(set) var tickets: [TicketID] = []

    /// Runs `body` as one call for `ticket`; `body` gets how many calls came before this one.
    func call<T>(for ticket: TicketID, _ body: (Int) throws -> T) rethrows -> T {
        let before: Int = lock.withLock {
            if inFlight > 0 { overlapped = true }
            inFlight += 1
            tickets.append(ticket)
            return tickets.count - 1
        }
        // Long enough for a second thread to arrive while this call is in flight.
        usleep(50)
        defer { lock.withLock { inFlight -= 1 } }
        return try body(before)
    }
}

/// A helpfulness scorer with state, like an outside service: its score depends on how many
/// calls came before (so its results depend on the order of calls), and every seventh call
/// fails to give a score.
struct StatefulScorer: HelpfulnessScorer {
    let probe = CallOrderProbe()

    func helpfulness(of reply: Reply, for ticket: Ticket, truth: TicketTruth, rng: inout RandomStream) -> Double? {
        probe.call(for: ticket.id) { before in before % 7 == 6 ? nil : Double(1 + before % 5) }
    }
}

/// A generator that declares it calls an outside service: the builtin one, with every
/// suggestion recorded by `probe`.
struct OutsideServiceGenerator: LearningGenerator {
    let inner: any LearningGenerator
    let probe: CallOrderProbe

    var callsOutsideService: Bool { true }

    func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) throws -> (a: Reply, b: Reply) {
        var stream = rng
        let replies = try probe.call(for: ticket.id) { _ in
            try inner.suggest(for: ticket, articles: articles, rng: &stream)
        }
        rng = stream
        return replies
    }

    func retrained(with batch: TrainingBatch) throws -> OutsideServiceGenerator {
        OutsideServiceGenerator(inner: try inner.retrained(with: batch), probe: probe)
    }

    func appraisal(of reply: Reply, for ticket: Ticket) -> [Double]? { inner.appraisal(of: reply, for: ticket) }
}
