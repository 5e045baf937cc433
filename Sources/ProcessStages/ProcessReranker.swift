import FlywheelCore
import Retrieval

/// A second stage behind the process protocol: each window's (ticket, candidates) pairs go to
/// the plugin as one `rerank`; it may only reorder and cut the candidates it was given.
public struct ProcessReranker: LearningReranker {
    /// One plugin process answers every request in turn: never split across threads.
    public var callsOutsideService: Bool { true }
    let model: PluginModel

    /// Starts the plugin and indexes `published` (model 0), which it may read features from.
    public static func start(
        _ command: PluginCommand, seed: UInt64, settings: any Encodable & Sendable, published: [Article],
        analyzer: Analyzer = Analyzer(), pool: PluginPool? = nil
    ) throws -> ProcessReranker {
        ProcessReranker(
            model: try PluginModel.start(
                command, seed: seed, settings: settings, published: published, needs: [.index, .rerank],
                analyzer: analyzer,
                pool: pool))
    }

    public func rerank(_ ticket: Ticket, candidates: RankedList, depth: Int) throws -> RankedList {
        try rerank(batch: [(ticket, candidates)], depth: depth)[0]
    }

    public func rerank(batch items: [(ticket: Ticket, candidates: RankedList)], depth: Int) throws -> [RankedList] {
        guard !items.isEmpty else { return [] }
        let wire = items.map { item in
            PluginMessages.Rerank.Item(
                ticket: model.wire(item.ticket),
                candidates: item.candidates.entries.map { WireEntry(article: $0.article.rawValue, score: $0.score) })
        }
        // Every candidate of the window in one table; item i may name only its own.
        let names = ArticleTable(items.lazy.flatMap { $0.candidates.articles })
        let reply = try model.channel.request(.rerank, names: names) { id in
            PluginMessages.Rerank(id: id, model: model.id, depth: depth, items: wire)
        }
        let offered = items.map { Set($0.candidates.articles.compactMap { names.slot(of: $0.rawValue) }) }
        return try model.rankedLists(reply, for: items.map(\.ticket), depth: depth, op: .rerank, names: names) {
            i, slot in offered[i].contains(slot)
        }
    }

    public func retrained(with batch: TrainingBatch) throws -> ProcessReranker {
        ProcessReranker(model: try model.retrained(with: batch))
    }

    public func publishing(_ articles: [Article]) throws -> ProcessReranker {
        ProcessReranker(model: try model.publishing(articles))
    }
}
