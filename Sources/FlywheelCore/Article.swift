/// A knowledge-base article, as the system under test may see it once it is published.
///
/// `introducedAt` is when the policy came into existence in the world; a scenario may withhold
/// an article from the published knowledge base until a knowledge gap for it is closed.
public struct Article: Hashable, Sendable, Codable {
    public var id: ArticleID
    public var title: String
    public var body: String
    public var topic: String?
    public var createdAt: Timestamp?
    public var introducedAt: Timestamp?

    public init(
        id: ArticleID, title: String, body: String, topic: String? = nil,
        createdAt: Timestamp? = nil, introducedAt: Timestamp? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.topic = topic
        self.createdAt = createdAt
        self.introducedAt = introducedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, title, body, topic
        case createdAt = "created_at"
        case introducedAt = "introduced_at"
    }
}
