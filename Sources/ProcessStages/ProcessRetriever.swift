import FlywheelCore
import Retrieval

/// A first stage behind the process protocol: every window's tickets go to the plugin as one
/// `retrieve`, retraining and publishing make new models inside it (docs/protocol.md).
public struct ProcessRetriever: LearningRetriever {
    /// One plugin process answers every request in turn: never split across threads.
    public var callsOutsideService: Bool { true }
    let model: PluginModel
    /// The published articles: the only ones a list may name.
    let published: Set<String>

    /// Starts the plugin and indexes `published` (model 0). `settings` go to the plugin in the
    /// hello (the scenario's retriever keys).
    public static func start(
        _ command: PluginCommand, seed: UInt64, settings: any Encodable & Sendable, published: [Article],
        pool: PluginPool? = nil
    ) throws -> ProcessRetriever {
        let model = try PluginModel.start(
            command, seed: seed, settings: settings, published: published, needs: [.index, .retrieve], pool: pool)
        return ProcessRetriever(model: model, published: Set(published.map(\.id.rawValue)))
    }

    public func retrieve(_ ticket: Ticket, depth: Int) throws -> RankedList {
        try retrieve(batch: [ticket], depth: depth, attachingParts: false)[0]
    }

    public func retrieve(batch tickets: [Ticket], depth: Int, attachingParts: Bool) throws -> [RankedList] {
        guard !tickets.isEmpty else { return [] }
        let wire = tickets.map { WireTicket($0, analyzer: model.analyzer) }
        let reply = try model.channel.request(.retrieve) { id in
            PluginMessages.Retrieve(id: id, model: model.id, depth: depth, tickets: wire)
        }
        return try model.rankedLists(reply, for: tickets, depth: depth, op: .retrieve) { _, article in
            published.contains(article)
        }
    }

    public func retrained(with batch: TrainingBatch) throws -> ProcessRetriever {
        ProcessRetriever(model: try model.retrained(with: batch), published: published)
    }

    public func publishing(_ articles: [Article]) throws -> ProcessRetriever {
        ProcessRetriever(
            model: try model.publishing(articles), published: published.union(articles.map(\.id.rawValue)))
    }
}
