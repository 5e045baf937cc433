import FlywheelCore
import WorldTruth

/// Where the engine reads the ticket stream from, in time order. Each job opens its own cursor,
/// so a corpus larger than memory is replayed ticket by ticket.
public protocol TicketSource: Sendable {
    func open() throws -> any TicketCursor
}

/// A forward-only cursor over ticket records in time order.
public protocol TicketCursor {
    mutating func next() throws -> TicketRecord?
}

/// Tickets held in memory (tests, small corpora).
public struct InMemoryTickets: TicketSource {
    public var records: [TicketRecord]
    public init(_ records: [TicketRecord]) { self.records = records }
    public func open() throws -> any TicketCursor { Cursor(records: records) }

    struct Cursor: TicketCursor {
        var records: [TicketRecord]
        var index = 0
        mutating func next() throws -> TicketRecord? {
            guard index < records.count else { return nil }
            defer { index += 1 }
            return records[index]
        }
    }
}
