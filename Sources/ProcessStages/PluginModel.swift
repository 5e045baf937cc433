import FlywheelCore
import Retrieval

/// One model inside a plugin, by number (docs/protocol.md, "Models"). Stage values share it;
/// when the last one lets go, the plugin is told to release it. Publishing and retraining make
/// new models from it, so a stage value, like a builtin one, never changes under its holder.
final class PluginModel: Sendable {
    let id: Int
    /// The job's hold on its plugin process.
    let session: PluginSession
    let analyzer: Analyzer

    var channel: PluginChannel { session.channel }

    init(id: Int, session: PluginSession, analyzer: Analyzer) {
        self.id = id
        self.session = session
        self.analyzer = analyzer
    }

    deinit { channel.release(id) }

    /// A process for `command` — an idle one from `pool` after a `reset`, else a new one after
    /// its `hello` — with `published` indexed as model 0.
    static func start(
        _ command: PluginCommand, seed: UInt64, settings: any Encodable & Sendable, published: [Article],
        needs: [PluginMessages.Op], analyzer: Analyzer = Analyzer(), pool: PluginPool? = nil
    ) throws -> PluginModel {
        func hello(_ id: Int, _ op: PluginMessages.Op, version: Int) -> PluginMessages.Hello {
            PluginMessages.Hello(
                id: id, op: op, protocol: version, protocols: op == .hello ? PluginMessages.versions : nil,
                stage: command.stage, seed: seed, settings: settings,
                analyzer: .init(stemming: analyzer.configuration.stemming, stopWords: analyzer.configuration.stopWords))
        }
        let session: PluginSession
        if command.reuse, let pool, let channel = pool.take(command) {
            channel.beginSession()
            let reply = try channel.request(.reset) { id in hello(id, .reset, version: channel.version) }
            // the handshake echo: a reset is answered as the process' hello was
            let capabilities = Set(reply.capabilities ?? [])
            guard reply.protocol == channel.version, capabilities == channel.capabilities else {
                throw channel.violation(
                    "the reset reply says protocol \(reply.protocol.map(String.init) ?? "nothing") and capabilities \(capabilities.map(\.rawValue).sorted().joined(separator: ", ")); its hello said \(channel.version) and \(channel.capabilities.map(\.rawValue).sorted().joined(separator: ", "))",
                    request: channel.lastRequest, op: .reset)
            }
            let training = PluginChannel.training(reply, version: channel.version)
            guard training == channel.training else {
                throw channel.violation(
                    "the reset reply's training is \(training.map(\.rawValue).sorted().joined(separator: ", ")); its hello's was \(channel.training.map(\.rawValue).sorted().joined(separator: ", "))",
                    request: channel.lastRequest, op: .reset)
            }
            let inputs = PluginChannel.inputs(reply, version: channel.version)
            guard inputs == channel.inputs else {
                throw channel.violation(
                    "the reset reply's inputs are \(inputs.map(\.rawValue).sorted().joined(separator: ", ")); its hello's were \(channel.inputs.map(\.rawValue).sorted().joined(separator: ", "))",
                    request: channel.lastRequest, op: .reset)
            }
            session = PluginSession(channel: channel, pool: pool)
        } else {
            let channel = try PluginChannel(command)
            let reply = try channel.request(.hello) { id in hello(id, .hello, version: 1) }
            guard let version = reply.protocol, PluginMessages.versions.contains(version) else {
                throw channel.violation(
                    "the hello reply says protocol \(reply.protocol.map(String.init) ?? "nothing"), Flywheel speaks \(PluginMessages.versions.map(String.init).joined(separator: " and "))",
                    request: channel.lastRequest, op: .hello)
            }
            let missing = (needs + (version >= PluginMessages.resetVersion ? [.reset] : [])).filter {
                !channel.capabilities.contains($0)
            }
            guard missing.isEmpty else {
                throw channel.violation(
                    "a \(command.stage) must implement \(missing.map(\.rawValue).joined(separator: ", ")) (its capabilities: \(channel.capabilities.map(\.rawValue).sorted().joined(separator: ", ")))",
                    request: channel.lastRequest, op: .hello)
            }
            let reusable = command.reuse && version >= PluginMessages.resetVersion
            session = PluginSession(channel: channel, pool: reusable ? pool : nil)
        }
        let model = PluginModel(id: 0, session: session, analyzer: analyzer)
        _ = try session.channel.request(.index) { id in
            PluginMessages.Index(id: id, model: 0, articles: published.map(model.wire))
        }
        return model
    }

    /// The model with `articles` published (a new model number).
    func publishing(_ articles: [Article]) throws -> PluginModel {
        guard !articles.isEmpty, channel.capabilities.contains(.publish) else { return self }
        let to = channel.newModel()
        _ = try channel.request(.publish) { id in
            PluginMessages.Publish(
                id: id, from: self.id, to: to, articles: articles.map(wire))
        }
        return PluginModel(id: to, session: session, analyzer: analyzer)
    }

    /// The model retrained on `batch` (a new model number); itself when the plugin does not
    /// learn (no `retrain` capability) or the batch is empty.
    func retrained(with batch: TrainingBatch) throws -> PluginModel {
        guard !batch.isEmpty, channel.capabilities.contains(.retrain) else { return self }
        let to = channel.newModel()
        let wire = WireBatch(batch, analyzer: analyzer, parts: channel.training, inputs: channel.inputs)
        _ = try channel.request(.retrain) { id in PluginMessages.Retrain(id: id, from: self.id, to: to, batch: wire) }
        return PluginModel(id: to, session: session, analyzer: analyzer)
    }

    /// Checks a retrieve or rerank reply read against `names` (the articles it may name): one
    /// list per ticket, each at most `depth` long, every article allowed (`allowed(i, slot)`
    /// for list i and the article's slot in `names`) and named once, every score finite, compact
    /// lists (``CompactList``) only in a retrieve reply from version 4; the lists as
    /// ``RankedList``s.
    func rankedLists(
        _ reply: PluginMessages.Reply, for tickets: [Ticket], depth: Int, op: PluginMessages.Op,
        names: ArticleTable, allowed: (Int, Int) -> Bool
    ) throws -> [RankedList] {
        let request = channel.lastRequest
        let scanned: [ScannedList]?
        do {
            scanned = try reply.scannedLists(names)
        } catch {
            throw channel.violation(error.message, request: request, op: op)
        }
        guard let lists = scanned else {
            throw channel.violation("the reply has no \"results\"", request: request, op: op)
        }
        // ordinals number a model's articles: a rerank's candidates have none
        if let i = lists.firstIndex(where: \.compact), op != .retrieve || channel.version < CompactList.version {
            throw channel.violation(
                "results[\(i)] is a compact list, which only a retrieve reply of protocol \(CompactList.version) or later may write",
                request: request, op: op)
        }
        guard lists.count == tickets.count else {
            throw channel.violation("\(lists.count) results for \(tickets.count) tickets", request: request, op: op)
        }
        // The list that last named each slot: a second time in the same list is a duplicate.
        var lastList = [Int](repeating: -1, count: names.count)
        return try lists.enumerated().map { i, list in
            guard list.entries.count <= depth else {
                throw channel.violation(
                    "results[\(i)] has \(list.entries.count) entries, more than depth \(depth)", request: request,
                    op: op)
            }
            for (j, e) in list.entries.enumerated() {
                guard e.score.isFinite else {
                    throw channel.violation("results[\(i)][\(j)].score is not finite", request: request, op: op)
                }
                let slot = Int(list.slots[j])
                guard slot >= 0, allowed(i, slot) else {
                    throw channel.violation(
                        "results[\(i)][\(j)] names article '\(e.article)', which it was not offered",
                        request: request, op: op)
                }
                guard lastList[slot] != i else {
                    throw channel.violation(
                        "results[\(i)] lists article '\(e.article)' twice", request: request, op: op)
                }
                lastList[slot] = i
            }
            return RankedList(ticket: tickets[i].id, entries: list.entries)
        }
    }
}
