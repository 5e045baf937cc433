/// A support ticket as production sees it: what the customer wrote and its metadata.
///
/// This is the only view of a ticket the system under test (retriever, reranker, generator,
/// knowledge base) ever gets. What the ticket *needs* lives in ``TicketTruth``, which only the
/// world (simulated agents, judge) and evaluation may read. Keeping the two in separate types
/// makes "the system never reads the truth" a compile-time fact rather than a convention.
public struct Ticket: Hashable, Sendable, Codable {
    public var id: TicketID
    public var createdAt: Timestamp
    public var text: String
    public var channel: String?
    public var locale: String?

    public init(id: TicketID, createdAt: Timestamp, text: String, channel: String? = nil, locale: String? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.text = text
        self.channel = channel
        self.locale = locale
    }

    enum CodingKeys: String, CodingKey {
        case id, text, channel, locale
        case createdAt = "created_at"
    }
}
