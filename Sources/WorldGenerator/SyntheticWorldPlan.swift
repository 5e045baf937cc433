import FlywheelCore

/// What a synthetic world is before its tickets: the articles, the twins and the ticket
/// factory. Every ticket is then a pure function of its index (``TicketFactory``), so the
/// stream can be made in chunks, on several threads, and written as it is made
/// (``SyntheticWorld/writeStream(_:to:name:command:threads:)``) instead of held whole.
struct SyntheticWorldPlan: Sendable {
    /// The articles, sorted by id.
    let articles: [Article]
    let twins: [ArticleID: SyntheticTwin]
    let factory: TicketFactory

    init(_ config: SyntheticWorldConfig) {
        precondition((try? config.validate()) != nil, "invalid SyntheticWorldConfig: call validate() first")
        let planned = SyntheticWorld.planArticles(config)
        factory = TicketFactory(config: config, planned: planned)
        var twins: [ArticleID: SyntheticTwin] = [:]
        for p in planned {
            if let t = p.twin, let kind = p.twinKind { twins[p.id] = SyntheticTwin(article: planned[t].id, kind: kind) }
        }
        self.twins = twins
        articles = planned.map { p in
            Article(
                id: p.id, title: p.rendered.title, body: p.rendered.body,
                topic: MarketplaceCatalogue.topics[p.policy.topic].id,
                createdAt: p.createdAt, introducedAt: p.introducedAt)
        }.sorted { $0.id < $1.id }
    }
}
