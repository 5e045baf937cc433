import FlywheelCore
import Retrieval

/// A reply generator behind the process protocol: each window's requests go to the plugin as
/// one `generate`, with the reranked articles in full and a seed drawn from each ticket's own
/// random stream (53 bits, exact in any JSON reader); every reply sentence must cite one of the articles it was given.
public struct ProcessGenerator: LearningGenerator {
    /// One plugin process answers every request in turn: never split across threads.
    public var callsOutsideService: Bool { true }
    let model: PluginModel

    /// Starts the plugin and indexes `published` (model 0).
    public static func start(
        _ command: PluginCommand, seed: UInt64, settings: any Encodable & Sendable, published: [Article],
        analyzer: Analyzer = Analyzer(), pool: PluginPool? = nil
    ) throws -> ProcessGenerator {
        ProcessGenerator(
            model: try PluginModel.start(
                command, seed: seed, settings: settings, published: published, needs: [.index, .generate],
                analyzer: analyzer,
                pool: pool))
    }

    public func suggest(for ticket: Ticket, articles: [Article], rng: inout RandomStream) throws -> (a: Reply, b: Reply)
    {
        let request = GenerationRequest(ticket: ticket, articles: articles, rng: rng)
        return try suggest(batch: [request])[0]
    }

    public func suggest(batch requests: [GenerationRequest]) throws -> [(a: Reply, b: Reply)] {
        guard !requests.isEmpty else { return [] }
        let items = requests.map { r in
            var rng = r.rng
            return PluginMessages.Generate.Item(
                ticket: model.wire(r.ticket), articles: r.articles.map(model.wire), seed: rng.next() >> 11)
        }
        let reply = try model.channel.request(.generate) { id in
            PluginMessages.Generate(id: id, model: model.id, items: items)
        }
        let request = model.channel.lastRequest
        guard let pairs = reply.replies else {
            throw model.channel.violation("the reply has no \"replies\"", request: request, op: .generate)
        }
        guard pairs.count == requests.count else {
            throw model.channel.violation(
                "\(pairs.count) replies for \(requests.count) tickets", request: request, op: .generate)
        }
        for (i, pair) in pairs.enumerated() {
            let given = Set(requests[i].articles.map(\.id.rawValue))
            for (label, r) in [("a", pair.a), ("b", pair.b)] {
                for (j, s) in r.sentences.enumerated() where !given.contains(s.article) {
                    throw model.channel.violation(
                        "replies[\(i)].\(label).sentences[\(j)] cites article '\(s.article)', which it was not given",
                        request: request, op: .generate)
                }
            }
        }
        return pairs.map { ($0.a.reply, $0.b.reply) }
    }

    public func retrained(with batch: TrainingBatch) throws -> ProcessGenerator {
        ProcessGenerator(model: try model.retrained(with: batch))
    }
}
