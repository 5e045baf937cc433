/// A support ticket as production sees it: what the customer wrote and its metadata.
///
/// This is the only view of a ticket the system under test (retriever, reranker, generator,
/// knowledge base) ever gets. What the ticket *needs* — `TicketTruth`, and the corpus records
/// that carry it — lives in the `WorldTruth` module, which the world (simulated agents, judge),
/// evaluation, the engine and the corpus files depend on. Retrieval, Generation and
/// ProcessStages do not (Package.swift; `TruthBoundaryTests` fails if one gains a path to it),
/// so a file there that names the truth does not compile. Stages that live elsewhere (the LLM
/// module's generator, a custom stage in another package) are held to it by review only.
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
