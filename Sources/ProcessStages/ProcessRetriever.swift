import FlywheelCore
import Retrieval

/// A first stage behind the process protocol: every window's tickets go to the plugin as one
/// `retrieve`, retraining and publishing make new models inside it (docs/protocol.md).
public struct ProcessRetriever: LearningRetriever {
    /// One plugin process answers every request in turn: never split across threads.
    public var callsOutsideService: Bool { true }
    let model: PluginModel
    /// The published articles: the only ones a list may name.
    let published: ArticleTable

    /// Starts the plugin and indexes `published` (model 0). `settings` go to the plugin in the
    /// hello (the scenario's retriever keys).
    public static func start(
        _ command: PluginCommand, seed: UInt64, settings: any Encodable & Sendable, published: [Article],
        analyzer: Analyzer = Analyzer(), pool: PluginPool? = nil
    ) throws -> ProcessRetriever {
        let model = try PluginModel.start(
            command, seed: seed, settings: settings, published: published, needs: [.index, .retrieve],
            analyzer: analyzer,
            pool: pool)
        return ProcessRetriever(model: model, published: ArticleTable(published.lazy.map(\.id)))
    }

    public func retrieve(_ ticket: Ticket, depth: Int) throws -> RankedList {
        try retrieve(batch: [ticket], depth: depth, attachingParts: false)[0]
    }

    public func retrieve(batch tickets: [Ticket], depth: Int, attachingParts: Bool) throws -> [RankedList] {
        guard !tickets.isEmpty else { return [] }
        let wire = tickets.map(model.wire)
        let reply = try model.channel.request(.retrieve, names: published) { id in
            PluginMessages.Retrieve(id: id, model: model.id, depth: depth, tickets: wire)
        }
        // every article of the table is published
        return try model.rankedLists(reply, for: tickets, depth: depth, op: .retrieve, names: published) { _, _ in
            true
        }
    }

    public func retrained(with batch: TrainingBatch) throws -> ProcessRetriever {
        ProcessRetriever(model: try model.retrained(with: batch), published: published)
    }

    public func publishing(_ articles: [Article]) throws -> ProcessRetriever {
        ProcessRetriever(
            model: try model.publishing(articles), published: ArticleTable(published.ids + articles.map(\.id)))
    }
}
