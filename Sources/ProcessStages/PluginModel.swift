import FlywheelCore
import Retrieval

/// One model inside a plugin, by number (docs/protocol.md, "Models"). Stage values share it;
/// when the last one lets go, the plugin is told to release it. Publishing and retraining make
/// new models from it, so a stage value, like a builtin one, never changes under its holder.
final class PluginModel: Sendable {
    let id: Int
    let channel: PluginChannel
    let analyzer: Analyzer

    init(id: Int, channel: PluginChannel, analyzer: Analyzer) {
        self.id = id
        self.channel = channel
        self.analyzer = analyzer
    }

    deinit { channel.release(id) }

    /// Starts `command`, says hello and indexes `published` as model 0.
    static func start(
        _ command: PluginCommand, seed: UInt64, settings: any Encodable & Sendable, published: [Article],
        needs: [PluginMessages.Op], analyzer: Analyzer = Analyzer()
    ) throws -> PluginModel {
        let channel = try PluginChannel(command)
        let hello = try channel.request(.hello) { id in
            PluginMessages.Hello(
                id: id, stage: command.stage, seed: seed, settings: settings,
                analyzer: .init(stemming: analyzer.configuration.stemming, stopWords: analyzer.configuration.stopWords))
        }
        guard hello.protocol == PluginMessages.protocolVersion else {
            throw channel.violation(
                "the hello reply says protocol \(hello.protocol.map(String.init) ?? "nothing"), Flywheel speaks \(PluginMessages.protocolVersion)",
                request: channel.lastRequest, op: .hello)
        }
        let missing = needs.filter { !channel.capabilities.contains($0) }
        guard missing.isEmpty else {
            throw channel.violation(
                "a \(command.stage) must implement \(missing.map(\.rawValue).joined(separator: ", ")) (its capabilities: \(channel.capabilities.map(\.rawValue).sorted().joined(separator: ", ")))",
                request: channel.lastRequest, op: .hello)
        }
        _ = try channel.request(.index) { id in
            PluginMessages.Index(id: id, model: 0, articles: published.map { WireArticle($0, analyzer: analyzer) })
        }
        return PluginModel(id: 0, channel: channel, analyzer: analyzer)
    }

    /// The model with `articles` published (a new model number).
    func publishing(_ articles: [Article]) throws -> PluginModel {
        guard !articles.isEmpty, channel.capabilities.contains(.publish) else { return self }
        let to = channel.newModel()
        _ = try channel.request(.publish) { id in
            PluginMessages.Publish(id: id, from: self.id, to: to, articles: articles.map { WireArticle($0, analyzer: analyzer) })
        }
        return PluginModel(id: to, channel: channel, analyzer: analyzer)
    }

    /// The model retrained on `batch` (a new model number); itself when the plugin does not
    /// learn (no `retrain` capability) or the batch is empty.
    func retrained(with batch: TrainingBatch) throws -> PluginModel {
        guard !batch.isEmpty, channel.capabilities.contains(.retrain) else { return self }
        let to = channel.newModel()
        let wire = WireBatch(batch, analyzer: analyzer)
        _ = try channel.request(.retrain) { id in PluginMessages.Retrain(id: id, from: self.id, to: to, batch: wire) }
        return PluginModel(id: to, channel: channel, analyzer: analyzer)
    }

    /// Checks a retrieve or rerank reply: one list per ticket, each at most `depth` long, every
    /// article allowed and every score finite; the lists as ``RankedList``s.
    func rankedLists(
        _ reply: PluginMessages.Reply, for tickets: [Ticket], depth: Int, op: PluginMessages.Op,
        allowed: (Int, String) -> Bool
    ) throws -> [RankedList] {
        let request = channel.lastRequest
        guard let results = reply.results else { throw channel.violation("the reply has no \"results\"", request: request, op: op) }
        guard results.count == tickets.count else {
            throw channel.violation("\(results.count) results for \(tickets.count) tickets", request: request, op: op)
        }
        return try results.enumerated().map { i, entries in
            guard entries.count <= depth else {
                throw channel.violation("results[\(i)] has \(entries.count) entries, more than depth \(depth)", request: request, op: op)
            }
            var seen = Set<String>()
            for (j, e) in entries.enumerated() {
                guard e.score.isFinite else { throw channel.violation("results[\(i)][\(j)].score is not finite", request: request, op: op) }
                guard allowed(i, e.article) else {
                    throw channel.violation("results[\(i)][\(j)] names article '\(e.article)', which it was not offered", request: request, op: op)
                }
                guard seen.insert(e.article).inserted else {
                    throw channel.violation("results[\(i)] lists article '\(e.article)' twice", request: request, op: op)
                }
            }
            return RankedList(ticket: tickets[i].id, entries: entries.map { .init(article: ArticleID($0.article), score: $0.score) })
        }
    }
}
